using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Infrastructure.Data;

public sealed class SqliteConcurrencyTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.SqliteFile();

    public void Dispose() => database.Dispose();

    [SqliteFact]
    public async Task ConcurrentWritersWaitForEachOtherInsteadOfFailing()
    {
        const int writers = 24;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var db = await database.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = await db.Set<Team>().CountAsync();
            db.Add(new Team { Name = $"Team {i} after {count}", TimeZoneId = "Asia/Shanghai" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        await using var check = await database.CreateDbContextAsync();
        var names = await check.Set<Team>().Select(team => team.Name).ToListAsync();
        Assert.Equal(writers, names.Count);
        // Each writer read the count inside its write transaction: with the write lock taken up front the
        // counts are serialised, so every writer saw a different number of teams before it.
        Assert.Equal(Enumerable.Range(0, writers), names.Select(name => int.Parse(name.Split(" after ")[1], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [SqliteFact]
    public async Task TheDatabaseRunsInWalModeWithNormalSync()
    {
        await using var db = await database.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA busy_timeout;";
        var busyTimeout = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("wal", journal);
        Assert.Equal(1, synchronous);
        Assert.True(busyTimeout >= 5000);
    }
}
