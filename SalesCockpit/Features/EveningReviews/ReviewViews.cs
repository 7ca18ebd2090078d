using SalesCockpit.Features.MorningPlans;

namespace SalesCockpit.Features.EveningReviews;

public sealed record ReviewCommentView(long Id, string AuthorId, string AuthorName, string Text, DateTime At);

public sealed record ReviewView(
    int Id,
    int TeamId,
    string RepId,
    DateOnly Day,
    string? Wins,
    string? Problems,
    string? Lesson,
    string? HelpNeeded,
    IReadOnlyDictionary<int, string> MissedReasons,
    DateTime SubmittedAt,
    DateTime? EditedAt,
    string? HighlightedBy,
    DateTime? HelpHandledAt,
    string? HelpHandledBy,
    IReadOnlyList<ReviewCommentView> Comments,
    IReadOnlyList<string> ReactedBy,
    Guid Version)
{
    public bool IsHighlighted => HighlightedBy is not null;

    public bool HasOpenHelpRequest => HelpNeeded is not null && HelpHandledAt is null;
}

/// <summary>What the rep's review form starts from: the day's facts, and the review if it is already in.</summary>
public sealed record ReviewSheet(int TeamId, DateOnly Day, DateOnly Today, string TimeZoneId, TimeOnly DueAt, PlanVsActual Facts, ReviewView? Review, PlanState State);

/// <summary>One rep on the share-out board: their day's facts, review (once submitted) and where it stands by the due time.</summary>
public sealed record RepDay(string RepId, string RepName, PlanVsActual Facts, ReviewView? Review, PlanState State);

public sealed record ShareOutDay(int TeamId, string TeamName, DateOnly Day, DateOnly Today, string TimeZoneId, TimeOnly DueAt, IReadOnlyList<RepDay> Reps)
{
    public int Submitted => Reps.Count(rep => rep.Review is not null);

    public int Late => Reps.Count(rep => rep.State == PlanState.Late);

    public IEnumerable<RepDay> HelpRequests => Reps.Where(rep => rep.Review?.HasOpenHelpRequest == true);

    public PlanAccuracy Accuracy => PlanAccuracy.Of(Reps.Select(rep => rep.Facts));
}

public sealed record AccuracyPoint(DateOnly Day, PlanVsActual Facts);

public sealed record RepAccuracy(string RepId, string RepName, PlanAccuracy Total, IReadOnlyList<AccuracyPoint> Days);
