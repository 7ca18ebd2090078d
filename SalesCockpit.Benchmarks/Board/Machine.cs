using System.Globalization;
using System.Runtime.InteropServices;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>What the figures ran on: cores, CPU model, memory, runtime.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal));
        var gibibytes = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        return string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores ({model}), {gibibytes:0} GiB, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average at start {string.Join(' ', load)}.\n");
    }
}
