using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

public static class MorningPlansServiceCollectionExtensions
{
    public static IServiceCollection AddMorningPlans(this IServiceCollection services)
    {
        services.AddSingleton<MorningPlanService>();
        services.AddSingleton<StandUpBoard>();
        services.AddSingleton<PlanSettingsService>();
        services.AddSingleton<PlanSuggestions>();
        // Suggestion sources, asked in this order; other features add theirs in their own Add<Feature>().
        services.AddSingleton<IPlanSuggestionSource, PreviousPlanSource>();
        services.AddSingleton<IPlanSuggestionSource, CustomerSuggestionSource>();
        services.AddScoped<IDemoSeedStep, MorningPlansDemoSeed>();
        return services;
    }
}
