namespace SalesCockpit.Features.Targets;

[Flags]
public enum RhythmParts
{
    None = 0,
    MorningPlans = 1,
    EveningReviews = 2,
}

/// <summary>The days (team zone) on which a rep submitted a morning plan and an evening review.</summary>
public sealed record RepRhythm(string RepId, IReadOnlySet<DateOnly> PlanDays, IReadOnlySet<DateOnly> ReviewDays);

/// <summary>
/// Implemented by the features that own the daily rhythm (morning plans, evening reviews); Targets only reads it.
/// A source may know plans, reviews or both (<see cref="Provides"/>). The caller has checked the viewer may see the team.
/// </summary>
public interface IDailyRhythmSource
{
    RhythmParts Provides { get; }

    Task<IReadOnlyList<RepRhythm>> GetRhythmAsync(int teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>A lesson a rep shared in an evening review (晚分享), for the hero stories.</summary>
public sealed record SharedLesson(DateOnly Day, string Text);

/// <summary>Implemented by the evening reviews feature. The caller has checked the viewer may see the team.</summary>
public interface IHeroStorySource
{
    Task<IReadOnlyList<SharedLesson>> GetSharedLessonsAsync(int teamId, string repId, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>A streak: consecutive working days on which the rep submitted both a morning plan and an evening review.</summary>
public sealed class StreakRule(WorkingCalendar calendar)
{
    public static StreakRule Default { get; } = new(WorkingCalendar.MondayToFriday);

    /// <summary>How many working days to look back at most.</summary>
    public const int LookBackDays = 120;

    /// <summary>
    /// The streak as of <paramref name="today"/>: today counts once both are in, and does not break the streak while
    /// the day is still going; weekends neither count nor break it.
    /// </summary>
    public int Current(IReadOnlySet<DateOnly> planDays, IReadOnlySet<DateOnly> reviewDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(planDays);
        ArgumentNullException.ThrowIfNull(reviewDays);
        bool Complete(DateOnly day) => planDays.Contains(day) && reviewDays.Contains(day);

        var streak = 0;
        var day = today;
        if (calendar.IsWorkingDay(day) && Complete(day))
        {
            streak++;
        }

        var earliest = today.AddDays(-LookBackDays);
        for (day = calendar.PreviousWorkingDay(today); day >= earliest && Complete(day); day = calendar.PreviousWorkingDay(day))
        {
            streak++;
        }

        return streak;
    }
}

public sealed record HeroStory(IReadOnlyList<WonDealSummary> WonDeals, IReadOnlyList<SharedLesson> Lessons, int MoreDeals);

public sealed record WonDealSummary(string CustomerName, string Titles, long AmountCents, DateOnly WonOn);

/// <summary>How a hero did it: their biggest won deals and their latest shared lessons, so a hero is a case to learn from.</summary>
public static class HeroStoryComposer
{
    public const int MaxDeals = 3;
    public const int MaxLessons = 3;

    public static HeroStory Compose(IEnumerable<WonDealSummary> wonDeals, IEnumerable<SharedLesson> lessons)
    {
        ArgumentNullException.ThrowIfNull(wonDeals);
        ArgumentNullException.ThrowIfNull(lessons);
        var deals = wonDeals.OrderByDescending(deal => deal.AmountCents).ThenByDescending(deal => deal.WonOn).ToList();
        var latest = lessons.Where(lesson => !string.IsNullOrWhiteSpace(lesson.Text))
            .OrderByDescending(lesson => lesson.Day).Take(MaxLessons).ToList();
        return new HeroStory([.. deals.Take(MaxDeals)], latest, Math.Max(0, deals.Count - MaxDeals));
    }
}
