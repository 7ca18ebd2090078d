using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

/// <summary>Which team a customer page shows: the one in <c>?team=</c> when the viewer may see it, else their first team.</summary>
public static class TeamChoice
{
    public static ViewerTeam? Resolve(Viewer viewer, int? requested)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (requested is { } id)
        {
            return viewer.Teams.FirstOrDefault(team => team.Id == id) ?? (viewer.IsAdmin ? new ViewerTeam(id, "", "") : null);
        }

        return viewer.PrimaryTeam;
    }

    public static string Query(int teamId, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Teams.Count > 1 || viewer.IsAdmin ? $"?team={teamId}" : "";
    }
}
