namespace SalesCockpit.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a relative Data Source is resolved against the content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/salescockpit.db";

    /// <summary>Seed the demo organisation when the database has no teams yet.</summary>
    public bool SeedDemo { get; set; }
}
