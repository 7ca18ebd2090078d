using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>The app's resident set with a number of open (interactive) boards, once settled.</summary>
public sealed record MemoryPoint(int Boards, double ResidentMegabytes);

/// <summary>Server memory per open board circuit: VmRSS of the app with 0, 25, 50 and 100 boards of one team open.</summary>
public static class BoardMemory
{
    public static readonly int[] OpenBoards = [0, 25, 50, 100];

    public static async Task<IReadOnlyList<MemoryPoint>> RunAsync(AppUnderTest app, BenchBrowser browser, DemoTeam team)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(team);
        var points = new List<MemoryPoint>();
        var contexts = new List<IBrowserContext>();
        var open = 0;
        foreach (var boards in OpenBoards)
        {
            await BoardCircuits.OpenAsync(browser, team.BoardPath, boards - open, contexts);
            open = boards;
            points.Add(new MemoryPoint(boards, await SettledResidentMegabytesAsync(app)));
            Console.WriteLine($"  {boards} boards open: {points[^1].ResidentMegabytes:0} MiB");
        }

        await BoardCircuits.CloseAsync(contexts);
        return points;
    }

    /// <summary>Median of five readings a second apart, after ten quiet seconds (the GC is left to itself, as in production).</summary>
    private static async Task<double> SettledResidentMegabytesAsync(AppUnderTest app)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        var readings = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            readings.Add(app.ResidentMegabytes());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return new Timings(readings).Median;
    }
}
