namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>Per circuit: whether what it shows is live, i.e. some <see cref="TeamEventListener"/> is subscribed.</summary>
public sealed class LivePage
{
    private int listeners;

    public bool IsLive => Volatile.Read(ref listeners) > 0;

    public event Action? Changed;

    /// <summary>Counts a listener until the returned handle is disposed.</summary>
    public IDisposable Listen()
    {
        if (Interlocked.Increment(ref listeners) == 1)
        {
            Changed?.Invoke();
        }

        return new Listener(this);
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref listeners) == 0)
        {
            Changed?.Invoke();
        }
    }

    private sealed class Listener(LivePage page) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                page.Leave();
            }
        }
    }
}
