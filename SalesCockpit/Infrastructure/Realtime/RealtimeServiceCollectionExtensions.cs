namespace SalesCockpit.Infrastructure.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    public static IServiceCollection AddTeamEventBus(this IServiceCollection services)
    {
        services.AddSingleton<InProcessTeamEventBus>();
        services.AddSingleton<ITeamEventBus>(sp => sp.GetRequiredService<InProcessTeamEventBus>());
        return services;
    }
}
