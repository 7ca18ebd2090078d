using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

/// <summary>Which team a customer page shows: the one in <c>?team=</c> when the viewer may see it, else their first team.</summary>
public static class TeamChoice
{
    /// <remarks>The query text is parsed here, not by the router, so <c>?team=abc</c> or an overflowing number is "not found", not an error.</remarks>
    public static async Task<ViewerTeam?> ResolveAsync(Viewer viewer, string? requested, TeamAccess access)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(access);
        if (requested is null)
        {
            return viewer.PrimaryTeam;
        }

        if (!int.TryParse(requested, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return null;
        }

        return viewer.Teams.FirstOrDefault(team => team.Id == id) ?? (viewer.IsAdmin ? await access.FindTeamAsync(id) : null);
    }

    public static string Query(int teamId, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Teams.Count > 1 || viewer.IsAdmin ? $"?team={teamId}" : "";
    }
}
