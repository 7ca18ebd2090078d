using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

public static class RideAlongsServiceCollectionExtensions
{
    public static IServiceCollection AddRideAlongs(this IServiceCollection services)
    {
        services.AddSingleton<IRideAlongScores, RideAlongScores>();
        services.AddSingleton<RideAlongScheduler>();
        services.AddSingleton<RideAlongNotebook>();
        services.AddSingleton<RideAlongDebrief>();
        services.AddSingleton<IRideAlongMarkSubscriber, PlannedVisitRideAlongs>();
        services.AddSingleton<ITodaysRideAlongs, TodaysRideAlongs>();
        services.AddSingleton<IPlanSuggestionSource, AgreedActionSuggestionSource>();
        services.AddScoped<IDemoSeedStep, RideAlongsDemoSeed>();
        return services;
    }
}
