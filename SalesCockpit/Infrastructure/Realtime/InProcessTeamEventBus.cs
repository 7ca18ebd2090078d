using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>The default bus: subscribers in this process only. Holds handlers, never user data.</summary>
public sealed partial class InProcessTeamEventBus(ILogger<InProcessTeamEventBus> logger) : ITeamEventBus
{
    private readonly ConcurrentDictionary<int, ImmutableList<Subscription>> subscriptionsByTeam = new();

    public int SubscriptionCount => subscriptionsByTeam.Values.Sum(list => list.Count);

    public Task PublishAsync(TeamEvent teamEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        Deliver(teamEvent);
        return Task.CompletedTask;
    }

    /// <summary>Hands the event to this process's subscribers of its team without waiting for them.</summary>
    public void Deliver(TeamEvent teamEvent)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        if (!subscriptionsByTeam.TryGetValue(teamEvent.TeamId, out var subscriptions))
        {
            return;
        }

        foreach (var subscription in subscriptions)
        {
            _ = InvokeAsync(subscription, teamEvent);
        }
    }

    /// <summary>Tells every subscriber of every team to reload all it shows (<see cref="TeamEvent.Resync"/>).</summary>
    public void DeliverResync()
    {
        foreach (var teamId in subscriptionsByTeam.Keys)
        {
            // One event per team: the team's open boards share one load per event (TeamBoard's SharedReloads).
            Deliver(TeamEvent.Resync(teamId));
        }
    }

    public IDisposable Subscribe(int teamId, Func<TeamEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, teamId, handler);
        subscriptionsByTeam.AddOrUpdate(teamId, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        while (subscriptionsByTeam.TryGetValue(subscription.TeamId, out var list))
        {
            var updated = list.Remove(subscription);
            var replaced = updated.IsEmpty
                ? subscriptionsByTeam.TryRemove(new KeyValuePair<int, ImmutableList<Subscription>>(subscription.TeamId, list))
                : subscriptionsByTeam.TryUpdate(subscription.TeamId, updated, list);
            if (replaced)
            {
                return;
            }
        }
    }

    private async Task InvokeAsync(Subscription subscription, TeamEvent teamEvent)
    {
        try
        {
            await subscription.Handler(teamEvent);
        }
#pragma warning disable CA1031 // One failing subscriber (e.g. a closing circuit) must not affect the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, exception, teamEvent.TeamId, teamEvent.Topic);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of team {TeamId} failed on {Topic}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, int teamId, string topic);

    private sealed class Subscription(InProcessTeamEventBus bus, int teamId, Func<TeamEvent, Task> handler) : IDisposable
    {
        private int disposed;

        public int TeamId { get; } = teamId;

        public Func<TeamEvent, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                bus.Remove(this);
            }
        }
    }
}
