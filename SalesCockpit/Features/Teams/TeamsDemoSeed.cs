using Microsoft.AspNetCore.Identity;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

/// <summary>Two teams, so that scoping can be seen: East-1 with six reps, North-2 with three.</summary>
internal sealed class TeamsDemoSeed(UserManager<AppUser> users, TimeProvider clock) : IDemoSeedStep
{
    public const string EastTeamName = "East-1 / 华东一组";
    public const string NorthTeamName = "North-2 / 华北二组";

    private static readonly string[] EastRepNames = ["Zhang Wei 张伟", "Li Na 李娜", "Wang Fang 王芳", "Liu Yang 刘洋", "Chen Jing 陈静", "Zhao Lei 赵磊"];
    private static readonly string[] NorthRepNames = ["Sun Hao 孙浩", "Zhou Min 周敏", "Wu Qiang 吴强"];

    public int Order => 0;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var east = new Team { Name = EastTeamName, TimeZoneId = "Asia/Shanghai", CreatedAt = now };
        var north = new Team { Name = NorthTeamName, TimeZoneId = "Asia/Shanghai", CreatedAt = now };
        db.AddRange(east, north);
        await db.SaveChangesAsync(cancellationToken);

        await CreateAsync("admin@demo.local", "Admin 管理员", Roles.Admin);
        await CreateAsync("manager@demo.local", "Huang Min 黄敏", Roles.Manager, east.Id);
        for (var i = 0; i < EastRepNames.Length; i++)
        {
            await CreateAsync($"rep{i + 1}@demo.local", EastRepNames[i], Roles.Rep, east.Id);
        }

        await CreateAsync("manager2@demo.local", "Ma Jun 马骏", Roles.Manager, north.Id);
        for (var i = 0; i < NorthRepNames.Length; i++)
        {
            await CreateAsync($"north.rep{i + 1}@demo.local", NorthRepNames[i], Roles.Rep, north.Id);
        }

        async Task CreateAsync(string email, string name, string role, int? teamId = null)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
            if (teamId is { } id)
            {
                user.Memberships.Add(new TeamMembership { TeamId = id, UserId = user.Id });
            }

            var result = await users.CreateAsync(user, DemoSeeder.DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }
    }
}
