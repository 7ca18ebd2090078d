using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: SQLite unless <c>SALESCOCKPIT_TEST_DB=Postgres</c>, then the PostgreSQL server
/// whose admin connection string is <c>SALESCOCKPIT_TEST_PG</c> (scripts/test.sh starts a throwaway one). On PostgreSQL
/// each test gets its own database, copied from a template migrated once per test run.
/// </summary>
public static class TestDatabaseServer
{
    public const string ProviderVariable = "SALESCOCKPIT_TEST_DB";
    public const string PostgresVariable = "SALESCOCKPIT_TEST_PG";

    private static readonly Lazy<string> MigratedTemplate = new(CreateMigratedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {PostgresVariable}=<admin connection string>, e.g. Host=127.0.0.1;Port=5432;Username=postgres");

    /// <summary>A new database on the PostgreSQL test server, migrated (a copy of the template) or empty; returns its connection string.</summary>
    public static string CreatePostgresDatabase(bool migrated)
    {
        var name = "sc_test_" + Guid.NewGuid().ToString("N");
        Execute(migrated ? $"CREATE DATABASE {name} TEMPLATE {MigratedTemplate.Value}" : $"CREATE DATABASE {name}");
        return ConnectionStringFor(name);
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    public static DbContextOptions<PostgresAppDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(AppDbContext.MigrationsHistoryTableName))
            .Options;

    private static string CreateMigratedTemplate()
    {
        var name = "sc_template_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

        // No pooled connection may stay open on a template, or copying it fails.
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ConnectionString;
        using var db = new PostgresAppDbContext(PostgresOptions(connectionString));
        db.Database.Migrate();
        return name;
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
