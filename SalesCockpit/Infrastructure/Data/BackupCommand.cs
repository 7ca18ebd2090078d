using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Hosting;

namespace SalesCockpit.Infrastructure.Data;

/// <summary>
/// <c>backup --to file.db</c>: a consistent copy of the SQLite database taken while the app runs. <c>VACUUM INTO</c>
/// reads one snapshot (write-ahead log included), so a copy never holds half a transaction.
/// </summary>
internal sealed class BackupCommand(IDbContextFactory<AppDbContext> dbFactory, DatabaseOptions options) : IAppCommand
{
    public Command Create()
    {
        var to = new Option<FileInfo>("--to") { Description = "The file to write; it must not exist yet.", Required = true };
        var backup = new Command("backup", "Copies the SQLite database consistently while the app runs. For PostgreSQL use pg_dump.") { to };
        backup.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var target = parse.GetRequiredValue(to);
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                await error.WriteLineAsync("This database is PostgreSQL: back it up with pg_dump (see the README).");
                return 1;
            }

            if (target.Exists)
            {
                await error.WriteLineAsync($"{target.FullName} already exists; name a new file.");
                return 1;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!File.Exists(source))
            {
                await error.WriteLineAsync($"There is no database at {source}.");
                return 1;
            }

            target.Directory?.Create();
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target.FullName}", cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Backed up {source} to {target.FullName}.");
            return 0;
        });
        return backup;
    }
}
