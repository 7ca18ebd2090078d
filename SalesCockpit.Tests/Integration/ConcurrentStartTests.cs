using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

public sealed class ConcurrentStartTests : IDisposable
{
    private readonly AppDatabase empty = new();

    public void Dispose() => empty.Dispose();

    [PostgresFact]
    public async Task ServersStartedTogetherOnAnEmptyDatabaseSeedTheDemoOnce()
    {
        using var first = new AppHost { SharedDatabase = empty };
        using var second = new AppHost { SharedDatabase = empty };
        using var third = new AppHost { SharedDatabase = empty };

        await Task.WhenAll(new[] { first, second, third }.Select(host => Task.Run(() => host.BaseAddress)));

        foreach (var host in new[] { first, second, third })
        {
            using var client = host.CreateHttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }

        await using var db = await first.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var teams = await db.Set<Team>().Select(team => team.Name).ToListAsync();
        Assert.Equal(2, teams.Count);
        Assert.Equal(Roles.All.Count, await db.Set<IdentityRole>().CountAsync());
        Assert.Equal(1, await db.Users.CountAsync(user => user.Email == "manager@demo.local"));
    }
}
