namespace SalesCockpit.Tests.Infrastructure;

/// <summary>Two app servers sharing a database, and a real redis-server on 127.0.0.1 between them; the first seeds the demo organisation.</summary>
public sealed class ScaleOutServers : IDisposable
{
    private readonly AppDatabase sharedDatabase = new();

    public ScaleOutServers()
    {
        First = Server(seedDemo: true);
        _ = First.BaseAddress;
        Second = Server(seedDemo: false);
        _ = Second.BaseAddress;
    }

    public RedisServer Redis { get; } = new();

    public string Channel { get; } = "test:" + Guid.NewGuid().ToString("N");

    public AppHost First { get; }

    public AppHost Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        sharedDatabase.Dispose();
        Redis.Dispose();
    }

    private AppHost Server(bool seedDemo) => new()
    {
        SeedDemo = seedDemo,
        SharedDatabase = sharedDatabase,
        Settings = Redis.BusSettings(Channel),
    };
}
