using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

public sealed record TeamMember(string UserId, string DisplayName, string Role, bool IsActive, string? Email);

public sealed record TeamOverview(int Id, string Name, string TimeZoneId, IReadOnlyList<TeamMember> Members, string CurrencyCode)
{
    public IEnumerable<TeamMember> Managers => Members.Where(member => member.Role == Roles.Manager && member.IsActive);

    public IEnumerable<TeamMember> Reps => Members.Where(member => member.Role == Roles.Rep && member.IsActive);

    public IEnumerable<TeamMember> Inactive => Members.Where(member => !member.IsActive);
}

/// <summary>Read side of teams for everyone who may see them.</summary>
public sealed class TeamDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<TeamOverview> GetTeamAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == teamId, cancellationToken)
            ?? throw new TeamAccessDeniedException(teamId);
        var showContacts = viewer.CanManageTeam(teamId);
        var members = await (from membership in db.Set<TeamMembership>()
                             where membership.TeamId == teamId
                             let roleName = (from userRole in db.UserRoles
                                             join role in db.Roles on userRole.RoleId equals role.Id
                                             where userRole.UserId == membership.UserId
                                             select role.Name).FirstOrDefault()
                             orderby membership.User!.DisplayName
                             select new TeamMember(
                                 membership.UserId,
                                 membership.User!.DisplayName,
                                 roleName ?? Roles.Rep,
                                 membership.User.IsActive,
                                 showContacts ? membership.User.Email : null))
            .ToListAsync(cancellationToken);
        return new TeamOverview(team.Id, team.Name, team.TimeZoneId, members, team.CurrencyCode);
    }

    /// <summary>Active reps of a team, for pickers in other features.</summary>
    public async Task<IReadOnlyList<TeamMember>> GetRepsAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        var team = await GetTeamAsync(viewer, teamId, cancellationToken);
        return [.. team.Reps];
    }
}
