using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCockpit.Infrastructure.Data;

/// <summary>
/// Per-connection settings that make concurrent writers wait instead of failing. WAL itself is
/// persistent in the file and set once at start-up; transactions are BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
/// default), so a writer takes the write lock up front rather than failing on upgrade.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=15000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
