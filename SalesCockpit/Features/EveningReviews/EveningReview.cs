using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>
/// A rep's review of one day against its plan (晚分享 / 每日复盘). One per rep per day; submitting it locks the day's plan.
/// The plan-vs-actual facts are not stored: they are recomputed from the plan and the day's follow-up records.
/// </summary>
public sealed class EveningReview : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string RepId { get; set; }

    /// <summary>The date in the team's time zone.</summary>
    public DateOnly Day { get; set; }

    public string? Wins { get; set; }

    public string? Problems { get; set; }

    /// <summary>The lesson or insight worth sharing with the team; the hero stories read it.</summary>
    public string? Lesson { get; set; }

    public string? HelpNeeded { get; set; }

    public DateTime SubmittedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>The manager marked this review as the day's best.</summary>
    public DateTime? HighlightedAt { get; set; }

    public string? HighlightedById { get; set; }

    public DateTime? HelpHandledAt { get; set; }

    public string? HelpHandledById { get; set; }

    public Guid Version { get; set; }

    public List<MissedVisitReason> MissedReasons { get; } = [];
}

/// <summary>Why a planned visit or call did not happen, in the rep's words.</summary>
public sealed class MissedVisitReason
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    public int PlannedVisitId { get; set; }

    public required string Reason { get; set; }
}

/// <summary>A comment on a review by the manager or a teammate, shown live on the share-out board.</summary>
public sealed class ReviewComment
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public int TeamId { get; set; }

    public required string AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A teammate's applause for a review; one per person per review.</summary>
public sealed class ReviewReaction
{
    public int ReviewId { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The time by which a team's reviews are due, set by a manager. Defaults without a row.</summary>
public sealed class EveningReviewSettings : IVersioned
{
    public static readonly TimeOnly DefaultDueAt = new(19, 0);

    public int TeamId { get; set; }

    /// <summary>Local time in the team's zone after which a rep without a review is late.</summary>
    public TimeOnly ReviewDueAt { get; set; } = DefaultDueAt;

    public Guid Version { get; set; }
}

// Stored as integers: append new members at the end, never renumber.
public enum JudgmentAnswer
{
    Unknown = 0,
    Yes = 1,
    No = 2,
}

/// <summary>
/// The manager's judgment on a stuck opportunity (帮销售做出判断), with the article's checklist, ending in a concrete next
/// action for the rep. The latest judgment of an opportunity is the one that counts.
/// </summary>
public sealed class DealJudgment : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public int OpportunityId { get; set; }

    public int CustomerId { get; set; }

    /// <summary>The rep who holds the customer when judged: the next action is theirs.</summary>
    public required string RepId { get; set; }

    public required string ManagerId { get; set; }

    public JudgmentAnswer PurchasingSeason { get; set; }

    public string? PurchasingSeasonNote { get; set; }

    public JudgmentAnswer DecisionMakerFound { get; set; }

    public string? DecisionMakerNote { get; set; }

    public JudgmentAnswer CanAfford { get; set; }

    public string? CanAffordNote { get; set; }

    /// <summary>Yes: the customer has doubts about product features the rep has not noticed.</summary>
    public JudgmentAnswer FeatureDoubts { get; set; }

    public string? FeatureDoubtsNote { get; set; }

    public string? OtherCauses { get; set; }

    public required string NextAction { get; set; }

    public DateOnly NextActionOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
