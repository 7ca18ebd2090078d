using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>The app's resident set with a number of open (interactive) boards, once settled.</summary>
public sealed record MemoryPoint(int Boards, double ResidentMegabytes, double IdleCpuPercent);

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
            points.Add(await SettledAsync(app, boards));
            Console.WriteLine($"  {boards} boards open: {points[^1].ResidentMegabytes:0} MiB, app CPU while idle {points[^1].IdleCpuPercent:0.0}%");
        }

        await BoardCircuits.CloseAsync(contexts);
        return points;
    }

    /// <summary>
    /// Median of five readings a second apart, after ten quiet seconds (the GC is left to itself, as in production), and the
    /// app's CPU use over those five seconds, when nobody does anything.
    /// </summary>
    private static async Task<MemoryPoint> SettledAsync(AppUnderTest app, int boards)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        var readings = new List<double>();
        var cpuBefore = CpuUse.Read(app.ProcessId);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            readings.Add(app.ResidentMegabytes());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var cpu = CpuUse.Read(app.ProcessId) - cpuBefore;
        return new MemoryPoint(boards, new Timings(readings).Median, 100 * cpu.App / watch.Elapsed);
    }
}
