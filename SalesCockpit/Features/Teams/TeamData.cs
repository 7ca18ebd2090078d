using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

/// <summary>Small reads every feature needs inside its own short-lived context: people's names, a team's zone, its reps and manager.</summary>
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

    /// <summary>The team's IANA zone and the ISO code its amounts are shown in, read together for pages that show both.</summary>
    public static async Task<(string TimeZoneId, string CurrencyCode)> ZoneAndCurrencyAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var team = await db.Set<Team>().Where(team => team.Id == teamId).Select(team => new { team.TimeZoneId, team.CurrencyCode }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new TeamAccessDeniedException(teamId);
        return (team.TimeZoneId, team.CurrencyCode);
    }

    /// <summary>Whether the user is an active rep of the team: who may hold its customers or be coached in it.</summary>
    public static async Task<bool> IsActiveRepAsync(AppDbContext db, int teamId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (from membership in db.Set<TeamMembership>()
                      join userRole in db.UserRoles on membership.UserId equals userRole.UserId
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where membership.TeamId == teamId && membership.UserId == userId && membership.User!.IsActive && role.Name == Roles.Rep
                      select membership).AnyAsync(cancellationToken);
    }

    /// <summary>
    /// A team's reps and its first manager, ordered by e-mail (so demo data comes out the same on every run); the manager
    /// is null when the team has none.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Reps, string? ManagerId)> RepsAndManagerAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await (from membership in db.Set<TeamMembership>()
                             join userRole in db.UserRoles on membership.UserId equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where membership.TeamId == teamId
                             orderby membership.User!.Email
                             select new { membership.UserId, Role = role.Name! })
            .ToListAsync(cancellationToken);
        return ([.. members.Where(member => member.Role == Roles.Rep).Select(member => member.UserId)],
            members.FirstOrDefault(member => member.Role == Roles.Manager)?.UserId);
    }
}
