using System.Collections.Concurrent;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>An in-process bus that also remembers what was published, for asserting a service's events.</summary>
public sealed class RecordingEventBus : ITeamEventBus
{
    private readonly InProcessTeamEventBus inner = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessTeamEventBus>.Instance);
    private readonly ConcurrentQueue<TeamEvent> published = new();

    public IReadOnlyList<TeamEvent> Published => [.. published];

    public Task PublishAsync(TeamEvent teamEvent, CancellationToken cancellationToken = default)
    {
        published.Enqueue(teamEvent);
        return inner.PublishAsync(teamEvent, cancellationToken);
    }

    /// <summary>What the Redis bus does when events from other servers resume.</summary>
    public void Resync() => inner.DeliverResync();

    public IDisposable Subscribe(int teamId, Func<TeamEvent, Task> handler) => inner.Subscribe(teamId, handler);
}
