using System.Text.Json;
using StackExchange.Redis;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>
/// The scale-out bus: events reach this server's subscribers at once and other servers through Redis
/// publish/subscribe. If Redis is unreachable each server keeps its own pages live, reports the pause through
/// <see cref="ICrossServerStatus"/>, and resumes by itself when Redis returns; then every local subscriber gets a
/// <see cref="TeamEvent.Resync"/>, so pages catch up with what other servers saved meanwhile. Only ids travel, never user data.
/// </summary>
public sealed partial class RedisTeamEventBus(
    InProcessTeamEventBus local,
    EventBusOptions options,
    TimeProvider clock,
    ILogger<RedisTeamEventBus> logger) : ITeamEventBus, ICrossServerStatus, IHostedService, IAsyncDisposable
{
    private readonly string serverId = Guid.NewGuid().ToString("N");
    private readonly RedisChannel channel = RedisChannel.Literal(options.RedisChannel);
    private readonly TaskCompletionSource<IConnectionMultiplexer> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionMultiplexer? redis;
    private int connected;
    private int subscribed;
    private int disposed;
    private readonly CancellationTokenSource stopping = new();

    public event Action? Changed;

    public bool IsScaledOut => true;

    public bool IsConnected => Volatile.Read(ref connected) == 1;

    /// <summary>The bus's Redis connection once it has started (connected or still trying), for tracing.</summary>
    public Task<IConnectionMultiplexer> Connection => started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.RedisConfiguration);
        configuration.AbortOnConnectFail = false;
        // Few tries at start so the app starts without Redis; after that the multiplexer keeps reconnecting by itself.
        configuration.ConnectRetry = 2;
        configuration.ConnectTimeout = 2000;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName = "salescockpit-" + serverId[..8];
        redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        started.TrySetResult(redis);
        redis.ConnectionFailed += (_, args) => SetConnected(false, args.Exception);
        redis.ConnectionRestored += (_, _) => _ = EnsureSubscribedAsync();
        // Redis may be down when the app starts: the app starts anyway and subscribes once Redis answers.
        await EnsureSubscribedAsync();
        _ = WatchAsync(stopping.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => stopping.CancelAsync();

    /// <summary>
    /// The multiplexer's ConnectionRestored can come before the subscription connection is usable (or not at all for a
    /// connection that never opened at start): while paused, try again every couple of seconds.
    /// </summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!IsConnected)
                {
                    await EnsureSubscribedAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task PublishAsync(TeamEvent teamEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamEvent);
        local.Deliver(teamEvent);
        if (redis is null || !IsConnected)
        {
            return;
        }

        try
        {
            var payload = JsonSerializer.Serialize(new Envelope(serverId, teamEvent));
            await redis.GetSubscriber().PublishAsync(channel, payload, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // This server's own pages already have the event; other servers resume with the next one.
            SetConnected(false, exception);
        }
    }

    public IDisposable Subscribe(int teamId, Func<TeamEvent, Task> handler) => local.Subscribe(teamId, handler);

    public async ValueTask DisposeAsync()
    {
        // One instance serves several registrations (bus, status, hosted service): the container may dispose it more than once.
        // The token source has no timer, so it is only cancelled, never disposed.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    private async Task EnsureSubscribedAsync()
    {
        if (redis is null || !redis.IsConnected)
        {
            return;
        }

        try
        {
            var subscriber = redis.GetSubscriber();
            if (Interlocked.CompareExchange(ref subscribed, 1, 0) == 0)
            {
                await subscriber.SubscribeAsync(channel, (_, message) => Receive(message));
            }
            else if (!subscriber.IsConnected(channel))
            {
                return; // the subscription connection is not back yet; its own ConnectionRestored comes later
            }

            // A round trip on the subscription connection, after the multiplexer's own re-subscription on it: what other
            // servers publish from here on arrives, so pages that reload on the resync below miss nothing.
            await subscriber.PingAsync();
            SetConnected(true, null);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref subscribed, 0);
            SetConnected(false, exception);
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message!);
            if (envelope is not null && envelope.Origin != serverId)
            {
                local.Deliver(envelope.Event);
            }
        }
        catch (JsonException exception)
        {
            LogBadMessage(logger, exception);
        }
    }

    private void SetConnected(bool value, Exception? exception)
    {
        if (Interlocked.Exchange(ref connected, value ? 1 : 0) == (value ? 1 : 0))
        {
            return;
        }

        if (value)
        {
            LogRestored(logger);
        }
        else
        {
            LogLost(logger, exception);
        }

        Changed?.Invoke();
        if (value)
        {
            local.DeliverResync();
        }
    }

    private sealed record Envelope(string Origin, TeamEvent Event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable: cross-server updates paused; this server's pages stay live")]
    private static partial void LogLost(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis reachable: cross-server updates resumed")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed team event from Redis")]
    private static partial void LogBadMessage(ILogger logger, Exception exception);
}
