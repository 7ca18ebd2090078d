using System.Diagnostics;
using System.Globalization;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>Order statistics of a series of durations in milliseconds (nearest rank).</summary>
public sealed record Timings(IReadOnlyList<double> Milliseconds)
{
    private readonly double[] sorted = [.. Milliseconds.Order()];

    public int Count => sorted.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public double Percentile(int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Format(double milliseconds) =>
        double.IsNaN(milliseconds) ? "n/a" : milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Median of <paramref name="count"/> sequential runs of <paramref name="operation"/>, after a few unmeasured ones.</summary>
    public static async Task<Timings> MeasureAsync(int count, Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var i = 0; i < 5; i++)
        {
            await operation();
        }

        var durations = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            durations.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new Timings(durations);
    }
}
