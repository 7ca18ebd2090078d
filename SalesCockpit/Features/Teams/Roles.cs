namespace SalesCockpit.Features.Teams;

public static class Roles
{
    public const string Rep = "Rep";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Rep, Manager, Admin];
}
