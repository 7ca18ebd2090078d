using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Targets;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.EveningReviews;

public static class EveningReviewsServiceCollectionExtensions
{
    public static IServiceCollection AddEveningReviews(this IServiceCollection services)
    {
        services.AddSingleton<EveningReviewService>();
        services.AddSingleton<ShareOutService>();
        services.AddSingleton<JudgmentService>();
        services.AddSingleton<IPlanSuggestionSource, JudgmentSuggestionSource>();
        // The daily rhythm (plans and reviews) and the shared lessons light up streaks and hero stories in Targets.
        services.AddSingleton<IDailyRhythmSource, PlanRhythmSource>();
        services.AddSingleton<IDailyRhythmSource, ReviewRhythmSource>();
        services.AddSingleton<IHeroStorySource, LessonStorySource>();
        services.AddScoped<IDemoSeedStep, EveningReviewsDemoSeed>();
        return services;
    }
}
