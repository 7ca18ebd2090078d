namespace SalesCockpit.Features.Teams;

/// <summary>
/// Who is asking, as the database says now (not as a cookie said at sign-in). Every feature service
/// takes a viewer and asks it before reading or writing a team's data: this is the one access check.
/// </summary>
public sealed record Viewer(string UserId, string DisplayName, string Role, IReadOnlyList<ViewerTeam> Teams)
{
    /// <summary>
    /// A wall display: nobody signed in, read-only, one team, no contact details. Its "user id" names the display
    /// link so nothing it loads can match a person.
    /// </summary>
    public static Viewer ForDisplay(int displayLinkId, ViewerTeam team) => new($"display:{displayLinkId}", "", Roles.Display, [team]);

    public bool IsDisplay => Role == Roles.Display;

    public bool IsAdmin => Role == Roles.Admin;

    public bool IsManager => Role == Roles.Manager;

    public bool IsRep => Role == Roles.Rep;

    public ViewerTeam? PrimaryTeam => Teams.Count > 0 ? Teams[0] : null;

    public bool IsMemberOf(int teamId) => Teams.Any(team => team.Id == teamId);

    /// <summary>Members see their team; Admins see every team.</summary>
    public bool CanSeeTeam(int teamId) => IsAdmin || IsMemberOf(teamId);

    /// <summary>Managers lead the teams they belong to; Admins act as managers everywhere.</summary>
    public bool CanManageTeam(int teamId) => IsAdmin || (IsManager && IsMemberOf(teamId));

    /// <summary>Team-wide reading (the board): the team's managers, Admins, and the team's wall displays.</summary>
    public bool CanSeeTeamWide(int teamId) => CanManageTeam(teamId) || (IsDisplay && IsMemberOf(teamId));

    public void EnsureCanSeeTeamWide(int teamId)
    {
        if (!CanSeeTeamWide(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    public void EnsureCanSeeTeam(int teamId)
    {
        if (!CanSeeTeam(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    public void EnsureCanManageTeam(int teamId)
    {
        if (!CanManageTeam(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    /// <summary>Reps plan, review and stretch their own day in their own team; managers coach, they do not.</summary>
    public void EnsureRepOf(int teamId)
    {
        if (!IsRep || !IsMemberOf(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    public void EnsureAdmin()
    {
        if (!IsAdmin)
        {
            throw new TeamAccessDeniedException(0);
        }
    }
}

public sealed record ViewerTeam(int Id, string Name, string TimeZoneId, string CurrencyCode);

/// <summary>The viewer may not see or change this team's data. Pages show it as "not found" so ids reveal nothing.</summary>
public sealed class TeamAccessDeniedException(int teamId) : Exception($"Access to team {teamId} denied.")
{
    public int TeamId { get; } = teamId;
}
