using System.Globalization;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// CPU time used so far (user + system, from /proc) by the app and by the client side: this tool's own process (Playwright's
/// client and the board circuits without a browser) and every other descendant of it (Playwright's driver and Chromium).
/// On two shared cores, both compete with the push being measured.
/// </summary>
public readonly record struct CpuUse(TimeSpan App, TimeSpan Browser)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuUse Read(int appProcessId)
    {
        var processes = new Dictionary<int, (int Parent, double Seconds)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var id) && TryReadStat(id, out var parent, out var seconds))
            {
                processes[id] = (parent, seconds);
            }
        }

        var browser = processes.Where(process => process.Key == Environment.ProcessId || (process.Key != appProcessId && IsDescendant(process.Key, Environment.ProcessId, processes)))
            .Sum(process => process.Value.Seconds);
        var app = processes.TryGetValue(appProcessId, out var own) ? own.Seconds : 0;
        return new CpuUse(TimeSpan.FromSeconds(app), TimeSpan.FromSeconds(browser));
    }

    public static CpuUse operator -(CpuUse after, CpuUse before) => new(after.App - before.App, after.Browser - before.Browser);

    private static bool IsDescendant(int id, int ancestor, Dictionary<int, (int Parent, double Seconds)> processes)
    {
        for (var hops = 0; hops < 64 && processes.TryGetValue(id, out var process); hops++)
        {
            if (process.Parent == ancestor)
            {
                return true;
            }

            id = process.Parent;
        }

        return false;
    }

    private static bool TryReadStat(int id, out int parent, out double seconds)
    {
        (parent, seconds) = (0, 0);
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // Fields after the command name (which may contain spaces): state ppid ... utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            return true;
        }
        catch (IOException)
        {
            return false; // The process ended while listing.
        }
    }
}
