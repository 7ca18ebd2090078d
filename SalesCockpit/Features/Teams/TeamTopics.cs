namespace SalesCockpit.Features.Teams;

public static class TeamTopics
{
    /// <summary>People joined, left, changed role or were (de)activated.</summary>
    public const string Members = "teams.members";
}
