using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// A migrated database for one test on the provider the suite runs on (<see cref="TestDatabaseServer"/>).
/// On SQLite: in memory by default (one shared connection), or a throwaway file when the test needs real
/// concurrent connections (e.g. two writers racing). On PostgreSQL: a database of its own, dropped at dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly DbContextOptions<SqliteAppDbContext>? sqliteOptions;
    private readonly DbContextOptions<PostgresAppDbContext>? postgresOptions;
    private readonly string? filePath;
    private readonly string? postgresConnectionString;

    public TestDatabase(bool onDisk = false)
        : this(TestDatabaseServer.Provider, onDisk)
    {
    }

    private TestDatabase(DatabaseProvider provider, bool onDisk)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            postgresConnectionString = TestDatabaseServer.CreatePostgresDatabase(migrated: true);
            postgresOptions = TestDatabaseServer.PostgresOptions(postgresConnectionString);
            return;
        }

        var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
        if (onDisk)
        {
            filePath = Path.Combine(Path.GetTempPath(), $"salescockpit-test-{Guid.NewGuid():N}.db");
            var connectionString = DatabaseServiceCollectionExtensions.ResolveSqliteConnectionString($"Data Source={filePath}", Path.GetTempPath());
            builder.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor());
        }
        else
        {
            keepAlive = new SqliteConnection("Data Source=:memory:");
            keepAlive.Open();
            builder.UseSqlite(keepAlive);
        }

        sqliteOptions = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
        if (onDisk)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A SQLite file whatever the suite runs on: for tests of SQLite itself (mark them <see cref="SqliteFactAttribute"/>).</summary>
    public static TestDatabase SqliteFile() => new(DatabaseProvider.Sqlite, onDisk: true);

    public AppDbContext CreateDbContext() =>
        postgresOptions is not null ? new PostgresAppDbContext(postgresOptions) : new SqliteAppDbContext(sqliteOptions!);

    public Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public void Dispose()
    {
        keepAlive?.Dispose();
        if (postgresConnectionString is not null)
        {
            TestDatabaseServer.DropPostgresDatabase(postgresConnectionString);
        }

        if (filePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(filePath + suffix);
            }
        }
    }
}
