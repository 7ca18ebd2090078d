using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>Builders for the people and teams a test needs, written straight to the test database.</summary>
public sealed class TestData(IDbContextFactory<AppDbContext> database)
{
    // Shared by every builder: two builders on one app's database (browser tests) must not hand out the same email.
    private static int sequence;

    public async Task<Team> TeamAsync(string? name = null, string timeZoneId = "Asia/Shanghai")
    {
        await using var db = await database.CreateDbContextAsync();
        var team = new Team { Name = name ?? $"Team {Interlocked.Increment(ref sequence)}", TimeZoneId = timeZoneId, CreatedAt = DateTime.UtcNow };
        db.Add(team);
        await db.SaveChangesAsync();
        return team;
    }

    /// <summary>A person of <paramref name="role"/> in the given teams, returned as the viewer they would be.</summary>
    public async Task<Viewer> PersonAsync(string role, params Team[] teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        await using var db = await database.CreateDbContextAsync();
        if (!await db.Roles.AnyAsync())
        {
            db.Roles.AddRange(Roles.All.Select(name => new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() }));
            await db.SaveChangesAsync();
        }

        var roleId = await db.Roles.Where(candidate => candidate.Name == role).Select(candidate => candidate.Id).SingleAsync();

        var number = Interlocked.Increment(ref sequence);
        var email = $"{role.ToLowerInvariant()}{number}@test.local";
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = $"{role} {number}",
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        foreach (var team in teams)
        {
            user.Memberships.Add(new TeamMembership { TeamId = team.Id, UserId = user.Id });
        }

        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return (await TeamAccess.LoadViewerAsync(db, user.Id, CancellationToken.None))!;
    }

    public Task<Viewer> RepAsync(Team team) => PersonAsync(Roles.Rep, team);

    public Task<Viewer> ManagerAsync(params Team[] teams) => PersonAsync(Roles.Manager, teams);

    public Task<Viewer> AdminAsync() => PersonAsync(Roles.Admin);
}
