using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

/// <summary>Resolves the signed-in person into a <see cref="Viewer"/> from the current database state.</summary>
public sealed class TeamAccess(IDbContextFactory<AppDbContext> dbFactory, AuthenticationStateProvider authenticationState)
{
    /// <summary>The viewer of this circuit or request; throws when nobody active is signed in.</summary>
    public async Task<Viewer> GetCurrentViewerAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return await FindViewerAsync(state.User, cancellationToken) ?? throw new TeamAccessDeniedException(0);
    }

    public async Task<Viewer?> FindViewerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadViewerAsync(db, userId, cancellationToken);
    }

    /// <summary>A team's name and zone by id, for an Admin who is not a member; the caller has checked access.</summary>
    public async Task<ViewerTeam?> FindTeamAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Team>().AsNoTracking().Where(team => team.Id == teamId)
            .Select(team => new ViewerTeam(team.Id, team.Name, team.TimeZoneId, team.CurrencyCode)).SingleOrDefaultAsync(cancellationToken);
    }

    internal static async Task<Viewer?> LoadViewerAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(candidate => candidate.Id == userId && candidate.IsActive)
            .Select(candidate => new { candidate.Id, candidate.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var role = await (from userRole in db.UserRoles
                          join identityRole in db.Roles on userRole.RoleId equals identityRole.Id
                          where userRole.UserId == userId
                          select identityRole.Name).FirstOrDefaultAsync(cancellationToken);
        var teams = await db.Set<TeamMembership>().AsNoTracking()
            .Where(membership => membership.UserId == userId)
            .OrderBy(membership => membership.Team!.Name)
            .Select(membership => new ViewerTeam(membership.TeamId, membership.Team!.Name, membership.Team.TimeZoneId, membership.Team.CurrencyCode))
            .ToListAsync(cancellationToken);
        return new Viewer(user.Id, user.DisplayName, role ?? Roles.Rep, teams);
    }
}
