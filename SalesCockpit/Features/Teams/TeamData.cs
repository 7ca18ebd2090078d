using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

/// <summary>Small reads every feature needs inside its own short-lived context: people's names and a team's zone.</summary>
public static class TeamData
{
    /// <summary>Display names by user id; ids that are null or unknown are left out.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.OfType<string>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(user => ids.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
    }

    /// <summary>The team's IANA zone; an unknown team reads as "not found" like any other team the viewer may not see.</summary>
    public static async Task<string> TimeZoneAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Team>().Where(team => team.Id == teamId).Select(team => team.TimeZoneId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new TeamAccessDeniedException(teamId);
    }

    /// <summary>A team's members with their role, ordered by e-mail (so demo data comes out the same on every run).</summary>
    public static async Task<IReadOnlyList<MemberRole>> MembersWithRolesAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await (from membership in db.Set<TeamMembership>()
                             join userRole in db.UserRoles on membership.UserId equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where membership.TeamId == teamId
                             orderby membership.User!.Email
                             select new { membership.UserId, Role = role.Name! })
            .ToListAsync(cancellationToken);
        return [.. members.Select(member => new MemberRole(member.UserId, member.Role))];
    }
}

public sealed record MemberRole(string UserId, string Role);
