using System.Collections.Concurrent;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>Two app servers sharing a database and a real redis-server on 127.0.0.1.</summary>
public sealed class RedisScaleOutTests : IDisposable
{
    private readonly RedisServer redis = new();
    private readonly AppDatabase sharedDatabase = new();
    private readonly string channel = "test:" + Guid.NewGuid().ToString("N");
    private readonly AppHost first;
    private readonly AppHost second;

    public RedisScaleOutTests()
    {
        first = Server(seedDemo: true);
        _ = first.BaseAddress;
        second = Server(seedDemo: false);
        _ = second.BaseAddress;
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
        sharedDatabase.Dispose();
        redis.Dispose();
    }

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
        await WaitUntilAsync(() => second.GetService<ICrossServerStatus>().IsConnected);

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
        await WaitUntilAsync(() => status.IsConnected && second.GetService<ICrossServerStatus>().IsConnected, TimeSpan.FromSeconds(30));
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
            Settings = new Dictionary<string, string>
            {
                ["EventBus:Provider"] = "Redis",
                ["EventBus:RedisConfiguration"] = lateRedis.Configuration,
                ["EventBus:RedisChannel"] = channel,
            },
        };
        var status = server.GetService<ICrossServerStatus>();
        Assert.False(status.IsConnected);
        using var client = server.CreateHttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        lateRedis.Start();

        await WaitUntilAsync(() => status.IsConnected, TimeSpan.FromSeconds(30));
    }

    private AppHost Server(bool seedDemo) => new()
    {
        SeedDemo = seedDemo,
        SharedDatabase = sharedDatabase,
        Settings = new Dictionary<string, string>
        {
            ["EventBus:Provider"] = "Redis",
            ["EventBus:RedisConfiguration"] = redis.Configuration,
            ["EventBus:RedisChannel"] = channel,
        },
    };

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
