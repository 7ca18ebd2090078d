using Microsoft.Extensions.Logging.Abstractions;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Infrastructure.Realtime;

public class InProcessTeamEventBusTests
{
    private readonly InProcessTeamEventBus bus = new(NullLogger<InProcessTeamEventBus>.Instance);

    [Fact]
    public async Task DeliversOnlyToSubscribersOfTheEventsTeam()
    {
        var east = new TaskCompletionSource<TeamEvent>();
        var northReceived = 0;
        using var eastSubscription = bus.Subscribe(1, received => { east.TrySetResult(received); return Task.CompletedTask; });
        using var northSubscription = bus.Subscribe(2, _ => { Interlocked.Increment(ref northReceived); return Task.CompletedTask; });

        await bus.PublishAsync(new TeamEvent(1, "topic", "42"));

        Assert.Equal(new TeamEvent(1, "topic", "42"), await east.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, northReceived);
    }

    [Fact]
    public void AResyncReachesEverySubscriberOfEveryTeamOnceWithItsOwnTeam()
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Subscriber, TeamEvent Event)>();
        using var eastBoard = bus.Subscribe(1, teamEvent => { received.Enqueue(("east board", teamEvent)); return Task.CompletedTask; });
        using var eastStandUp = bus.Subscribe(1, teamEvent => { received.Enqueue(("east stand-up", teamEvent)); return Task.CompletedTask; });
        using var north = bus.Subscribe(2, teamEvent => { received.Enqueue(("north", teamEvent)); return Task.CompletedTask; });

        // The handlers complete synchronously, so delivery has run when DeliverResync returns.
        bus.DeliverResync();

        Assert.Equal(
            [("east board", TeamEvent.Resync(1)), ("east stand-up", TeamEvent.Resync(1)), ("north", TeamEvent.Resync(2))],
            received.OrderBy(entry => entry.Subscriber, StringComparer.Ordinal));
        Assert.All(received, entry => Assert.True(entry.Event.IsResync));
    }

    [Fact]
    public async Task DisposedSubscriptionReceivesNothingMore()
    {
        var received = 0;
        var subscription = bus.Subscribe(1, _ => { Interlocked.Increment(ref received); return Task.CompletedTask; });

        subscription.Dispose();
        subscription.Dispose();
        await bus.PublishAsync(new TeamEvent(1, "topic"));

        Assert.Equal(0, received);
        Assert.Equal(0, bus.SubscriptionCount);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotStopTheOthers()
    {
        var healthy = new TaskCompletionSource();
        using var failing = bus.Subscribe(1, _ => throw new InvalidOperationException("circuit gone"));
        using var working = bus.Subscribe(1, _ => { healthy.TrySetResult(); return Task.CompletedTask; });

        await bus.PublishAsync(new TeamEvent(1, "topic"));

        await healthy.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ManyConcurrentSubscribersAndUnsubscribersLeaveNoneBehind()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), async (i, cancellationToken) =>
        {
            using var subscription = bus.Subscribe(i % 3, _ => Task.CompletedTask);
            await bus.PublishAsync(new TeamEvent(i % 3, "topic"), cancellationToken);
        });

        Assert.Equal(0, bus.SubscriptionCount);
    }
}
