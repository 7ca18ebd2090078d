using System.Collections.Concurrent;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>Two app servers sharing a database and a real redis-server on 127.0.0.1.</summary>
public sealed class RedisScaleOutTests : IDisposable
{
    private readonly ScaleOutServers servers = new();
    private readonly RedisServer redis;
    private readonly AppHost first;
    private readonly AppHost second;

    public RedisScaleOutTests() => (redis, first, second) = (servers.Redis, servers.First, servers.Second);

    public void Dispose() => servers.Dispose();

    [Fact]
    public async Task AnEventPublishedOnOneServerReachesSubscribersOnTheOther()
    {
        var received = new ConcurrentQueue<TeamEvent>();
        using var subscription = second.GetService<ITeamEventBus>().Subscribe(1, teamEvent => { received.Enqueue(teamEvent); return Task.CompletedTask; });
        await WaitUntilAsync(() => first.GetService<ICrossServerStatus>().IsConnected && second.GetService<ICrossServerStatus>().IsConnected);

        await first.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(1, "plans", "7"));

        await WaitUntilAsync(() => received.Contains(new TeamEvent(1, "plans", "7")));
        Assert.Single(received);
    }

    [Fact]
    public async Task ATeamsSubscribersOnTheOtherServerNeverSeeAnotherTeamsEvents()
    {
        var received = new ConcurrentQueue<TeamEvent>();
        using var subscription = second.GetService<ITeamEventBus>().Subscribe(2, teamEvent => { received.Enqueue(teamEvent); return Task.CompletedTask; });
        await WaitUntilAsync(() => first.GetService<ICrossServerStatus>().IsConnected && second.GetService<ICrossServerStatus>().IsConnected);

        await first.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(1, "plans", "secret"));
        await first.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(2, "plans", "mine"));

        await WaitUntilAsync(() => !received.IsEmpty);
        Assert.Equal([new TeamEvent(2, "plans", "mine")], received);
    }

    [Fact]
    public async Task WithoutRedisEachServerStaysLiveReportsThePauseAndRecoversByItself()
    {
        var local = new ConcurrentQueue<TeamEvent>();
        var remote = new ConcurrentQueue<TeamEvent>();
        using var onFirst = first.GetService<ITeamEventBus>().Subscribe(1, teamEvent => { local.Enqueue(teamEvent); return Task.CompletedTask; });
        using var onSecond = second.GetService<ITeamEventBus>().Subscribe(1, teamEvent => { remote.Enqueue(teamEvent); return Task.CompletedTask; });
        var status = first.GetService<ICrossServerStatus>();
        await WaitUntilAsync(() => status.IsConnected);

        redis.Stop();
        await WaitUntilAsync(() => !status.IsConnected);
        await first.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(1, "reviews", "during outage"));
        await WaitUntilAsync(() => local.Contains(new TeamEvent(1, "reviews", "during outage")));

        redis.Start();
        await WaitUntilAsync(() => status.IsConnected && second.GetService<ICrossServerStatus>().IsConnected);
        await first.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(1, "reviews", "after outage"));

        await WaitUntilAsync(() => remote.Contains(new TeamEvent(1, "reviews", "after outage")));
        Assert.DoesNotContain(new TeamEvent(1, "reviews", "during outage"), remote);
    }

    [Fact]
    public async Task AServerStartedWhileRedisIsDownStartsAnywayAndJoinsWhenRedisComesUp()
    {
        using var lateRedis = new RedisServer();
        lateRedis.Stop();
        using var server = new AppHost
        {
            Settings = lateRedis.BusSettings(servers.Channel),
        };
        var status = server.GetService<ICrossServerStatus>();
        Assert.False(status.IsConnected);
        using var client = server.CreateHttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        lateRedis.Start();

        await WaitUntilAsync(() => status.IsConnected);
    }

    [Fact]
    public async Task AfterAnOutageASubscriberOnTheOtherServerReloadsOnceAndSeesWhatWasSavedMeanwhile()
    {
        var rep = await first.ViewerAsync("rep1@demo.local");
        var manager = await second.ViewerAsync("manager@demo.local");
        var teamId = rep.PrimaryTeam!.Id;
        var standUp = second.GetService<StandUpBoard>();
        var resyncs = new ConcurrentQueue<string?>();
        var events = new ConcurrentQueue<TeamEvent>();
        // What a live stand-up on the second server does on a resync: read the whole board again through its service.
        using var subscription = second.GetService<ITeamEventBus>().Subscribe(teamId, async teamEvent =>
        {
            events.Enqueue(teamEvent);
            if (teamEvent.IsResync)
            {
                var board = await standUp.GetAsync(manager, teamId);
                resyncs.Enqueue(board.Cards.Single(card => card.RepId == rep.UserId).Plan?.Goals);
            }
        });
        await WaitUntilAsync(() => first.GetService<ICrossServerStatus>().IsConnected && second.GetService<ICrossServerStatus>().IsConnected);

        redis.Stop();
        await WaitUntilAsync(() => !first.GetService<ICrossServerStatus>().IsConnected && !second.GetService<ICrossServerStatus>().IsConnected);
        var goals = "Saved during the outage " + Guid.NewGuid().ToString("N")[..6];
        var today = TeamCalendar.Today(first.GetService<TimeProvider>(), rep.PrimaryTeam.TimeZoneId);
        await first.GetService<MorningPlanService>().SaveAsync(rep, teamId, today, new PlanInput(goals, null, 0, 5, 1, [], [], Guid.Empty), submit: true);
        Assert.DoesNotContain(events, teamEvent => teamEvent.Topic == MorningPlanTopics.Plan);

        redis.Start();
        await WaitUntilAsync(() => !resyncs.IsEmpty);
        Assert.Equal(goals, Assert.Single(resyncs));
        await AfterEverythingSentSoFarAsync(events, teamId);
        Assert.Single(events, teamEvent => teamEvent.IsResync);

        // Each reconnect resyncs once more.
        redis.Stop();
        await WaitUntilAsync(() => !second.GetService<ICrossServerStatus>().IsConnected);
        redis.Start();
        await WaitUntilAsync(() => resyncs.Count == 2);
        await AfterEverythingSentSoFarAsync(events, teamId);
        Assert.Equal(2, events.Count(teamEvent => teamEvent.IsResync));
    }

    /// <summary>Publishes a marker from the first server and waits for it on the second: what was on its way has arrived.</summary>
    private async Task AfterEverythingSentSoFarAsync(ConcurrentQueue<TeamEvent> received, int teamId)
    {
        await WaitUntilAsync(() => first.GetService<ICrossServerStatus>().IsConnected && second.GetService<ICrossServerStatus>().IsConnected);
        var marker = new TeamEvent(teamId, "test.marker", Guid.NewGuid().ToString("N"));
        await first.GetService<ITeamEventBus>().PublishAsync(marker);
        await WaitUntilAsync(() => received.Contains(marker));
    }

    // Generous: on a loaded machine two servers may take a while to (re)connect and subscribe.
    private static Task WaitUntilAsync(Func<bool> condition) => Condition.WaitUntilAsync(condition, TimeSpan.FromSeconds(30));
}
