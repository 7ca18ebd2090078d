namespace SalesCockpit.Tests.Infrastructure;

public static class Condition
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test (cancellation) after the limit.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
