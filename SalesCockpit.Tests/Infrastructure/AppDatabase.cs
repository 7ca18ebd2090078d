using Microsoft.Data.Sqlite;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// The throwaway database and Data Protection key folder of one app under test, or of several app servers that
/// share them (a scale-out test). Created empty: the app migrates it at start, as in production.
/// </summary>
public sealed class AppDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "salescockpit-tests", Guid.NewGuid().ToString("N"));

    public AppDatabase()
    {
        Directory.CreateDirectory(folder);
        Provider = TestDatabaseServer.Provider;
        ConnectionString = Provider == DatabaseProvider.Postgres
            ? TestDatabaseServer.CreatePostgresDatabase(migrated: false)
            : $"Data Source={Path.Combine(folder, "salescockpit.db")}";
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string KeysPath => Path.Combine(folder, "keys");

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestDatabaseServer.DropPostgresDatabase(ConnectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection: the OS temp folder is cleaned anyway.
        }
    }
}
