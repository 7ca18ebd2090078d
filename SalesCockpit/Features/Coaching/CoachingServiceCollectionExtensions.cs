namespace SalesCockpit.Features.Coaching;

public static class CoachingServiceCollectionExtensions
{
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddSingleton<TeamSkills>();
        services.AddSingleton<CoachingLadder>();
        return services;
    }
}
