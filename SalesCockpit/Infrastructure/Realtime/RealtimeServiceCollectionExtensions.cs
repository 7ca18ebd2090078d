namespace SalesCockpit.Infrastructure.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    /// <summary>The in-process bus by default; with <c>EventBus:Provider=Redis</c>, the Redis scale-out form.</summary>
    public static IServiceCollection AddTeamEventBus(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EventBusOptions.Section).Get<EventBusOptions>() ?? new EventBusOptions();
        services.AddSingleton(options);
        services.AddSingleton<InProcessTeamEventBus>();
        services.AddScoped<LivePage>();
        if (options.Provider == EventBusProvider.Redis)
        {
            services.AddSingleton<RedisTeamEventBus>();
            services.AddSingleton<ITeamEventBus>(sp => sp.GetRequiredService<RedisTeamEventBus>());
            services.AddSingleton<ICrossServerStatus>(sp => sp.GetRequiredService<RedisTeamEventBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisTeamEventBus>());
        }
        else
        {
            services.AddSingleton<ITeamEventBus>(sp => sp.GetRequiredService<InProcessTeamEventBus>());
            services.AddSingleton<ICrossServerStatus, SingleServerStatus>();
        }

        return services;
    }
}
