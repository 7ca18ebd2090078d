using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// A test of SQLite itself (WAL, its version, backup) or of a published app that brings its own SQLite file: skipped
/// when the suite runs on PostgreSQL.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabaseServer.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only; the suite runs on " + TestDatabaseServer.Provider;
        }
    }
}

/// <summary>A test of behaviour only PostgreSQL has (several servers on one database): skipped on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabaseServer.Provider != DatabaseProvider.Postgres)
        {
            Skip = $"PostgreSQL only: run with {TestDatabaseServer.ProviderVariable}=Postgres";
        }
    }
}
