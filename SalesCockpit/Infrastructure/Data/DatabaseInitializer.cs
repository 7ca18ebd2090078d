using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SalesCockpit.Infrastructure.Data;

/// <summary>Applies migrations, switches SQLite to WAL, reports the engine version and seeds demo data.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseOptions options,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>SQLite releases before 3.51.3 carry a WAL-reset corruption bug hit by concurrent writers and checkpoints.</summary>
    public static readonly Version MinimumSqliteVersion = new(3, 51, 3);

    public string EngineVersion { get; private set; } = "";

    public async Task InitializeAsync(bool seedDemo, CancellationToken cancellationToken = default)
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
