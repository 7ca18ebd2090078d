namespace SalesCockpit.Features.Teams;

public static class Roles
{
    public const string Rep = "Rep";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>Not a sign-in role: the read-only viewer of a wall-display link.</summary>
    public const string Display = "Display";

    public static IReadOnlyList<string> All { get; } = [Rep, Manager, Admin];
}
