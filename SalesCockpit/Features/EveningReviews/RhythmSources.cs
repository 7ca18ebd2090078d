using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Targets;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>The days each rep submitted an evening review, for streaks.</summary>
public sealed class ReviewRhythmSource(IDbContextFactory<AppDbContext> dbFactory) : IDailyRhythmSource
{
    public RhythmParts Provides => RhythmParts.EveningReviews;

    public async Task<IReadOnlyList<RepRhythm>> GetRhythmAsync(int teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.Set<EveningReview>().AsNoTracking()
            .Where(review => review.TeamId == teamId && review.Day >= first && review.Day <= last)
            .Select(review => new { review.RepId, review.Day })
            .ToListAsync(cancellationToken);
        return [.. days.GroupBy(day => day.RepId).Select(group => new RepRhythm(group.Key, new HashSet<DateOnly>(), group.Select(day => day.Day).ToHashSet()))];
    }
}

/// <summary>The days each rep submitted a morning plan, for streaks. Read here, beside the reviews, so the rhythm is in one place.</summary>
public sealed class PlanRhythmSource(IDbContextFactory<AppDbContext> dbFactory) : IDailyRhythmSource
{
    public RhythmParts Provides => RhythmParts.MorningPlans;

    public async Task<IReadOnlyList<RepRhythm>> GetRhythmAsync(int teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.Set<MorningPlan>().AsNoTracking()
            .Where(plan => plan.TeamId == teamId && plan.Day >= first && plan.Day <= last && plan.SubmittedAt != null)
            .Select(plan => new { plan.RepId, plan.Day })
            .ToListAsync(cancellationToken);
        return [.. days.GroupBy(day => day.RepId).Select(group => new RepRhythm(group.Key, group.Select(day => day.Day).ToHashSet(), new HashSet<DateOnly>()))];
    }
}

/// <summary>The lessons a rep shared in their reviews, for the hero stories.</summary>
public sealed class LessonStorySource(IDbContextFactory<AppDbContext> dbFactory) : IHeroStorySource
{
    public async Task<IReadOnlyList<SharedLesson>> GetSharedLessonsAsync(int teamId, string repId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<EveningReview>().AsNoTracking()
            .Where(review => review.TeamId == teamId && review.RepId == repId && review.Day >= first && review.Day <= last && review.Lesson != null)
            .OrderByDescending(review => review.Day)
            .Select(review => new SharedLesson(review.Day, review.Lesson!))
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
