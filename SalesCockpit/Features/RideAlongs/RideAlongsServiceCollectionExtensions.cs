using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

public static class RideAlongsServiceCollectionExtensions
{
    public static IServiceCollection AddRideAlongs(this IServiceCollection services)
    {
        services.AddSingleton<RideAlongScheduler>();
        services.AddSingleton<RideAlongNotebook>();
        services.AddSingleton<RideAlongDebrief>();
        services.AddScoped<IDemoSeedStep, RideAlongsDemoSeed>();
        return services;
    }
}
