namespace SalesCockpit.Features.TeamBoard;

public static class TeamBoardServiceCollectionExtensions
{
    public static IServiceCollection AddTeamBoard(this IServiceCollection services)
    {
        services.AddSingleton<DisplayLinks>();
        services.AddSingleton<SharedReloads>();
        return services;
    }
}
