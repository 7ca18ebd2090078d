using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// A rep's plan for one day of the team's calendar (早启动). A draft until submitted; editable during the day, with
/// edits after submission kept visible; frozen once <see cref="LockedAt"/> is set by the day's evening review.
/// </summary>
public sealed class MorningPlan : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string RepId { get; set; }

    /// <summary>The date in the team's time zone.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The day's goals in the rep's words.</summary>
    public string? Goals { get; set; }

    /// <summary>A personal stretch for the day, said aloud and never assessed.</summary>
    public string? Stretch { get; set; }

    public int CommittedVisits { get; set; }

    public int CommittedCalls { get; set; }

    public int CommittedNewValidLeads { get; set; }

    /// <summary>The committed numbers as first submitted, so that a later change shows as one.</summary>
    public int? SubmittedVisits { get; set; }

    public int? SubmittedCalls { get; set; }

    public int? SubmittedNewValidLeads { get; set; }

    /// <summary>Suggestion keys the rep accepted or dismissed for this plan; they are not offered again.</summary>
    public List<string> HandledSuggestions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>The latest save after submission that changed something.</summary>
    public DateTime? EditedAfterSubmitAt { get; set; }

    public DateTime? LockedAt { get; set; }

    public Guid Version { get; set; }

    public List<PlannedVisit> Visits { get; } = [];
}

// Stored as integers: append new members at the end, never renumber.
public enum PlannedVisitKind
{
    Visit = 0,
    Call = 1,
}

/// <summary>
/// A visit or call the rep plans, against a customer of their pool (<see cref="CustomerId"/>) or a new prospect typed in.
/// The manager may mark a visit as a ride-along they will join; the ride-along feature turns marks into ride-alongs.
/// </summary>
public sealed class PlannedVisit
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Position { get; set; }

    public PlannedVisitKind Kind { get; set; }

    /// <summary>Null for a new prospect.</summary>
    public int? CustomerId { get; set; }

    /// <summary>The customer's name when planned (or the prospect's name as typed): the plan records what was intended.</summary>
    public required string CustomerName { get; set; }

    public required string Purpose { get; set; }

    public TimeOnly? StartsAt { get; set; }

    public TimeOnly? EndsAt { get; set; }

    public string? ExpectedResult { get; set; }

    /// <summary>The suggestion this visit was accepted from, if any.</summary>
    public string? SuggestionKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Removed after the plan was submitted: kept, struck through, so the change stays visible.</summary>
    public DateTime? RemovedAt { get; set; }

    public string? RideAlongRequestedByUserId { get; set; }

    public DateTime? RideAlongRequestedAt { get; set; }
}

/// <summary>A manager's comment on a plan; the rep sees it at once.</summary>
public sealed class PlanComment
{
    public long Id { get; set; }

    public int PlanId { get; set; }

    public int TeamId { get; set; }

    public required string AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A team's daily expectations per rep and the time by which plans are due, set by a manager. Defaults without a row.</summary>
public sealed class MorningPlanSettings : IVersioned
{
    public static readonly TimeOnly DefaultDueAt = new(9, 30);

    public int TeamId { get; set; }

    public int ExpectedVisits { get; set; } = 4;

    public int ExpectedCalls { get; set; } = 8;

    public int ExpectedNewValidLeads { get; set; } = 1;

    /// <summary>Local time in the team's zone after which an unsubmitted plan is late.</summary>
    public TimeOnly PlanDueAt { get; set; } = DefaultDueAt;

    public Guid Version { get; set; }
}
