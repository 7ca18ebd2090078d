namespace SalesCockpit.Infrastructure.Realtime;

public enum EventBusProvider
{
    InProcess,
    Redis,
}

public sealed class EventBusOptions
{
    public const string Section = "EventBus";

    public EventBusProvider Provider { get; set; } = EventBusProvider.InProcess;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string RedisConfiguration { get; set; } = "127.0.0.1:6379";

    /// <summary>Channel shared by every app server of one deployment.</summary>
    public string RedisChannel { get; set; } = "salescockpit:team-events";
}
