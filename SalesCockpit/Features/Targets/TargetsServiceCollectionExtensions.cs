using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Targets;

public static class TargetsServiceCollectionExtensions
{
    /// <summary>
    /// Morning plans and evening reviews register their <see cref="IDailyRhythmSource"/> and <see cref="IHeroStorySource"/>
    /// in their own feature; without them streaks say so and hero stories show won deals only.
    /// </summary>
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.AddSingleton<TargetPlanner>();
        services.AddScoped<TargetBoard>();
        services.AddScoped<IDemoSeedStep, TargetsDemoSeed>();
        return services;
    }
}
