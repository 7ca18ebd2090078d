using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite database for one test: in memory by default (one shared connection), or a throwaway file
/// when the test needs real concurrent connections (e.g. two writers racing).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly DbContextOptions<SqliteAppDbContext> options;
    private readonly string? filePath;

    public TestDatabase(bool onDisk = false)
    {
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

        options = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
        if (onDisk)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);

    public Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public void Dispose()
    {
        keepAlive?.Dispose();
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
