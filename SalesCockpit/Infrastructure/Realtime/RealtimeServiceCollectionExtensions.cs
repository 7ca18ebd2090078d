using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCockpit.Infrastructure.Hosting;

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
        services.AddMetrics();
        services.AddSingleton<RealtimeMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, OpenCircuitsHandler>());
        if (options.Provider == EventBusProvider.Redis)
        {
            services.AddSingleton<RedisTeamEventBus>();
            services.AddSingleton<ITeamEventBus>(sp => new MeteredTeamEventBus(sp.GetRequiredService<RedisTeamEventBus>(), sp.GetRequiredService<RealtimeMetrics>()));
            services.AddSingleton<ICrossServerStatus>(sp => sp.GetRequiredService<RedisTeamEventBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisTeamEventBus>());
            services.AddHealthChecks().AddCheck<CrossServerHealthCheck>("redis", HealthStatus.Degraded, [HealthProbes.ReadyTag]);
        }
        else
        {
            services.AddSingleton<ITeamEventBus>(sp => new MeteredTeamEventBus(sp.GetRequiredService<InProcessTeamEventBus>(), sp.GetRequiredService<RealtimeMetrics>()));
            services.AddSingleton<ICrossServerStatus, SingleServerStatus>();
        }

        return services;
    }
}
