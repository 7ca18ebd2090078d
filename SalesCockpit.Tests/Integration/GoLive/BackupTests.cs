using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

[Collection(PublishedAppSuite.Name)]
public class BackupTests(PublishedApp published)
{
    [SqliteFact]
    public async Task ABackupOfTheRunningAppRestoresIntoAFreshServerWithItsData()
    {
        var data = published.NewDataFolder();
        await using (var running = await published.StartAsync(data, new Dictionary<string, string> { ["Database__SeedDemo"] = "true" }))
        {
            var created = await published.RunCommandAsync(data, ["admin", "create", "--email", "ops@firm.example", "--password", "while-running-1"]);
            Assert.True(created.ExitCode == 0, created.Output + created.Error);
            var backupPath = Path.Combine(published.NewDataFolder(), "copy.db");

            var (exitCode, output, error) = await published.RunCommandAsync(data, ["backup", "--to", backupPath]);

            Assert.True(exitCode == 0, output + error);
            var refused = await published.RunCommandAsync(data, ["backup", "--to", backupPath]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("already exists", refused.Error, StringComparison.Ordinal);

            await using var restored = new AppHost
            {
                SeedDemo = false,
                Settings = { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={backupPath}" },
            };
            using var opsClient = restored.CreateHttpClient();
            using var managerClient = restored.CreateHttpClient();
            AssertSignedIn(await opsClient.SignInAsync("ops@firm.example", "while-running-1"));
            AssertSignedIn(await managerClient.SignInAsync("manager@demo.local"));
            await using var db = await restored.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Equal(["East-1 / 华东一组", "North-2 / 华北二组"], await db.Set<Team>().OrderBy(team => team.Name).Select(team => team.Name).ToListAsync());
        }
    }

    private static void AssertSignedIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
