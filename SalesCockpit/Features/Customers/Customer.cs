using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// A team's customer. Held by one rep (private pool, <see cref="OwnerId"/> set) or by nobody (the team's public pool).
/// The clocks are what flow-back reads; <see cref="FlowBackOn"/> is derived from them by <see cref="FlowBackPolicy"/>
/// and stored so lists can filter and sort by it.
/// </summary>
public sealed class Customer : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary>The name as duplicates are compared: see <see cref="CustomerNames.Normalize"/>.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>The name without regions and legal forms, for near matches: see <see cref="CompanyNameCore.Of"/>.</summary>
    public string NameCore { get; set; } = "";

    public string? Phone { get; set; }

    public string? NormalizedPhone { get; set; }

    public string? Region { get; set; }

    public Industry Industry { get; set; }

    public SizeBand SizeBand { get; set; }

    public DevelopmentStage Stage { get; set; }

    public CustomerSource Source { get; set; }

    /// <summary>For referrals: the customer who referred this one.</summary>
    public int? ReferredById { get; set; }

    public CustomerStatus Status { get; set; }

    public CustomerLevel Level { get; set; } = CustomerLevel.Standard;

    public string? Notes { get; set; }

    /// <summary>Valid-lead checklist items met (the team's criterion keys).</summary>
    public List<string> MetCriteria { get; set; } = [];

    public string? OwnerId { get; set; }

    public DateTime? OwnerSince { get; set; }

    /// <summary>Start of the no-follow-up clock: the claim or the latest follow-up during this hold.</summary>
    public DateTime? HoldClockAt { get; set; }

    /// <summary>Start of the no-progress clock: the claim or the latest status advance or opportunity stage change.</summary>
    public DateTime? ProgressClockAt { get; set; }

    /// <summary>The team-zone date on which the customer flows back to the public pool; null when not held or exempt.</summary>
    public DateOnly? FlowBackOn { get; set; }

    /// <summary>Locked by its owner against flow-back (a few per rep).</summary>
    public bool IsLocked { get; set; }

    public DateTime? LastFollowUpAt { get; set; }

    /// <summary>The next follow-up date of the latest follow-up record.</summary>
    public DateOnly? NextFollowUpOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public Guid Version { get; set; }

    public List<Contact> Contacts { get; } = [];
}

public sealed class Contact
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public required string Name { get; set; }

    public string? Title { get; set; }

    public string? Phone { get; set; }

    public string? WeChatOrEmail { get; set; }

    public bool IsDecisionMaker { get; set; }
}

/// <summary>One contact with a customer: the gold mine the manager reads. Never edited, so the record stays honest.</summary>
public sealed class FollowUp
{
    public long Id { get; set; }

    public int CustomerId { get; set; }

    public int TeamId { get; set; }

    public required string AuthorId { get; set; }

    public DateTime OccurredAt { get; set; }

    public FollowUpKind Kind { get; set; }

    public required string Content { get; set; }

    public string? Outcome { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextFollowUpOn { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class Opportunity : IVersioned
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public int TeamId { get; set; }

    public required string Title { get; set; }

    /// <summary>Money as whole cents: orders and sums exactly on every provider.</summary>
    public long AmountCents { get; set; }

    public OpportunityStage Stage { get; set; }

    public DateOnly? ExpectedCloseOn { get; set; }

    public DateTime StageChangedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }

    public bool IsOpen => Stage < OpportunityStage.Won;
}

/// <summary>A line of a customer's history: who did what, when and why. Pool moves always write one.</summary>
public sealed class CustomerEvent
{
    public long Id { get; set; }

    public int CustomerId { get; set; }

    public int TeamId { get; set; }

    public DateTime OccurredAt { get; set; }

    public CustomerEventKind Kind { get; set; }

    /// <summary>Null when the system acted (flow-back).</summary>
    public string? ActorId { get; set; }

    public string? FromOwnerId { get; set; }

    public string? ToOwnerId { get; set; }

    /// <summary>A resource key (e.g. <c>Reason_NoFollowUp</c>) or text a person wrote.</summary>
    public string? Reason { get; set; }

    /// <summary>Extra facts, e.g. the new status or stage name.</summary>
    public string? Detail { get; set; }

    /// <summary>
    /// For a result (a lead that became valid, a win): the rep who earned it, fixed when it happened, so a later handover
    /// of the customer never moves it. Null on other events and on results recorded before this was kept.
    /// </summary>
    public string? CreditedRepId { get; set; }
}
