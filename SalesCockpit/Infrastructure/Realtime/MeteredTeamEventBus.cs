namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>Counts what is published, whichever bus carries it.</summary>
internal sealed class MeteredTeamEventBus(ITeamEventBus inner, RealtimeMetrics metrics) : ITeamEventBus
{
    public Task PublishAsync(TeamEvent teamEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        metrics.EventPublished(teamEvent);
        return inner.PublishAsync(teamEvent, cancellationToken);
    }

    public IDisposable Subscribe(int teamId, Func<TeamEvent, Task> handler) => inner.Subscribe(teamId, handler);
}
