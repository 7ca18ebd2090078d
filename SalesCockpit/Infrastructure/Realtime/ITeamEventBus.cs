namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>Team-scoped publish/subscribe between circuits. Publish after the write has committed.</summary>
public interface ITeamEventBus
{
    Task PublishAsync(TeamEvent teamEvent, CancellationToken cancellationToken = default);

    /// <summary>Receives every event of <paramref name="teamId"/> until the returned handle is disposed.</summary>
    IDisposable Subscribe(int teamId, Func<TeamEvent, Task> handler);
}
