namespace SalesCockpit.Features.MorningPlans;

/// <summary>A planned visit or call as the form sends it. <see cref="Id"/> is set for a row already saved.</summary>
public sealed record PlannedVisitInput(
    int? Id,
    PlannedVisitKind Kind,
    int? CustomerId,
    string? ProspectName,
    string? Purpose,
    TimeOnly? StartsAt = null,
    TimeOnly? EndsAt = null,
    string? ExpectedResult = null,
    string? SuggestionKey = null);

/// <summary>The whole plan as the form sends it; <see cref="Version"/> is empty for a plan not saved yet.</summary>
public sealed record PlanInput(
    string? Goals,
    string? Stretch,
    int CommittedVisits,
    int CommittedCalls,
    int CommittedNewValidLeads,
    IReadOnlyList<PlannedVisitInput> Visits,
    IReadOnlyList<string> HandledSuggestions,
    Guid Version);

/// <summary>The day's numbers a rep commits to.</summary>
public sealed record Commitment(int Visits, int Calls, int NewValidLeads)
{
    public static Commitment Zero { get; } = new(0, 0, 0);

    public static Commitment operator +(Commitment left, Commitment right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Visits + right.Visits, left.Calls + right.Calls, left.NewValidLeads + right.NewValidLeads);
    }
}

/// <summary>A manager's "I will join this visit".</summary>
public sealed record RideAlongMark(string ManagerId, string ManagerName, DateTime RequestedAt);

public sealed record PlannedVisitView(
    int Id,
    PlannedVisitKind Kind,
    int? CustomerId,
    string CustomerName,
    string Purpose,
    TimeOnly? StartsAt,
    TimeOnly? EndsAt,
    string? ExpectedResult,
    string? SuggestionKey,
    VisitChange Change,
    RideAlongMark? RideAlong)
{
    public bool IsProspect => CustomerId is null;

    public bool IsRemoved => Change == VisitChange.Removed;
}

public sealed record PlanCommentView(long Id, string AuthorId, string AuthorName, string Text, DateTime At);

public sealed record PlanView(
    int Id,
    int TeamId,
    string RepId,
    string RepName,
    DateOnly Day,
    string? Goals,
    string? Stretch,
    Commitment Committed,
    Commitment? AtSubmission,
    IReadOnlyList<PlannedVisitView> Visits,
    IReadOnlyList<PlanCommentView> Comments,
    IReadOnlyList<string> HandledSuggestions,
    DateTime? SubmittedAt,
    DateTime? EditedAfterSubmitAt,
    DateTime? LockedAt,
    PlanEditability Editability,
    Guid Version)
{
    public bool IsSubmitted => SubmittedAt is not null;

    public bool IsEditable => Editability == PlanEditability.Editable;

    /// <summary>The visits and calls still planned (not removed after submission).</summary>
    public IEnumerable<PlannedVisitView> Planned => Visits.Where(visit => !visit.IsRemoved);
}

/// <summary>One rep on the stand-up screen. <see cref="Plan"/> is set once the plan is submitted; drafts stay the rep's own.</summary>
public sealed record RepCardView(string RepId, string RepName, bool HasDraft, PlanView? Plan);

public sealed record StandUpView(int TeamId, string TeamName, string TimeZoneId, DateOnly Day, MorningPlanSettings Settings, IReadOnlyList<RepCardView> Cards)
{
    public Commitment Expected => new(Settings.ExpectedVisits * Cards.Count, Settings.ExpectedCalls * Cards.Count, Settings.ExpectedNewValidLeads * Cards.Count);

    public Commitment Committed => Cards.Select(card => card.Plan?.Committed ?? Commitment.Zero).Aggregate(Commitment.Zero, (sum, next) => sum + next);
}

/// <summary>For the ride-along feature: a planned visit a manager marked to join.</summary>
public sealed record RideAlongRequest(
    int PlannedVisitId,
    int PlanId,
    int TeamId,
    DateOnly Day,
    string RepId,
    string RepName,
    string ManagerId,
    string ManagerName,
    int? CustomerId,
    string CustomerName,
    string Purpose,
    TimeOnly? StartsAt,
    TimeOnly? EndsAt,
    string? ExpectedResult,
    DateTime RequestedAt);

/// <summary>What the in-app reminder needs: the viewer's plan for today (if started), whether it is in, when it is due, and when to look again.</summary>
public sealed record MyPlanStatus(int? PlanId, TimeOnly DueAt, PlanState State, DateTime NextChangeUtc);
