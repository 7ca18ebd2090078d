using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SalesCockpit.Infrastructure.Data;

/// <summary>Applies migrations, switches SQLite to WAL, reports the engine version, ensures every feature's start-up data and seeds demo data.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseOptions options,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>SQLite releases before 3.51.3 carry a WAL-reset corruption bug hit by concurrent writers and checkpoints.</summary>
    public static readonly Version MinimumSqliteVersion = new(3, 51, 3);

    /// <summary>Key of the PostgreSQL advisory lock held by the one server that migrates and seeds.</summary>
    internal const long StartLockKey = 0x5343_5374_6172_74; // "SCStart"

    public string EngineVersion { get; private set; } = "";

    public async Task InitializeAsync(bool seedDemo, CancellationToken cancellationToken = default)
    {
        // Servers started together on one empty PostgreSQL database would both seed (duplicate roles, half the demo
        // twice): they take turns on a session lock, and the later ones find the work done.
        await using var startLock = await dbFactory.CreateDbContextAsync(cancellationToken);
        var postgres = options.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            // The wait lasts as long as another server's seeding, far beyond a query's usual timeout.
            startLock.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await startLock.Database.OpenConnectionAsync(cancellationToken);
            await startLock.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartLockKey})", cancellationToken);
        }

        try
        {
            await MigrateAndSeedAsync(seedDemo, cancellationToken);
        }
        finally
        {
            if (postgres)
            {
                // A pooled connection keeps its session (and the lock) after closing: unlock explicitly.
                await startLock.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartLockKey})", CancellationToken.None);
            }
        }
    }

    private async Task MigrateAndSeedAsync(bool seedDemo, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            EngineVersion = await ReadEngineVersionAsync(db, options.Provider, cancellationToken);
        }

        LogEngine(logger, options.Provider, EngineVersion);
        if (options.Provider == DatabaseProvider.Sqlite && Version.TryParse(EngineVersion, out var version) && version < MinimumSqliteVersion)
        {
            LogOldSqlite(logger, EngineVersion, MinimumSqliteVersion);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var step in scope.ServiceProvider.GetServices<IStartupDataStep>())
            {
                await step.EnsureAsync(cancellationToken);
            }
        }

        if (seedDemo)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    public static async Task<string> ReadEngineVersionAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = provider == DatabaseProvider.Sqlite ? "SELECT sqlite_version();" : "SHOW server_version;";
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database engine {Provider} {Version}")]
    private static partial void LogEngine(ILogger logger, DatabaseProvider provider, string version);

    [LoggerMessage(Level = LogLevel.Critical, Message = "SQLite {Version} is older than {Minimum}: its WAL mode can corrupt the database under concurrent writers")]
    private static partial void LogOldSqlite(ILogger logger, string version, Version minimum);
}
