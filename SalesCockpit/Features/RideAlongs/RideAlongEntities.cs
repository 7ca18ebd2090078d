using SalesCockpit.Features.Coaching;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

public enum RideAlongStatus
{
    Scheduled,
    Completed,
    Cancelled,
}

/// <summary>Quick tags on a note, chosen with Alt+1..5 while typing.</summary>
public enum NoteTag
{
    Strength = 1,
    ToImprove = 2,
    CustomerSignal = 3,
    Objection = 4,
    NextStep = 5,
}

/// <summary>A manager going on a real visit with a rep (陪访), at one step of the coaching ladder.</summary>
public sealed class RideAlong : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string ManagerId { get; set; }

    public required string RepId { get; set; }

    public int CustomerId { get; set; }

    public DateTime StartsAt { get; set; }

    /// <summary>The team-zone date of <see cref="StartsAt"/>, stored so day lists filter on it.</summary>
    public DateOnly Day { get; set; }

    public LadderStep Step { get; set; }

    public List<int> FocusSkillIds { get; set; } = [];

    /// <summary>The morning plan's planned visit this came from ("I will join"); no foreign key, the plans live in their own feature.</summary>
    public long? PlannedVisitId { get; set; }

    public RideAlongStatus Status { get; set; }

    /// <summary>The rep's own account of the visit (你说我听).</summary>
    public string? RepAccount { get; set; }

    public string? Feedback { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A time-stamped note. The browser makes up its id, so re-sending it after a lost connection updates instead of duplicating.</summary>
public sealed class RideAlongNote
{
    public Guid Id { get; set; }

    public int RideAlongId { get; set; }

    public required string AuthorId { get; set; }

    public required string Text { get; set; }

    public NoteTag? Tag { get; set; }

    /// <summary>When the note was typed, by the device's clock (it may arrive much later).</summary>
    public DateTime TakenAt { get; set; }

    public DateTime SavedAt { get; set; }
}

public sealed class SkillScore
{
    public int RideAlongId { get; set; }

    public int SkillId { get; set; }

    public int Score { get; set; }

    public DateTime ScoredAt { get; set; }
}

/// <summary>Something agreed in the debrief, owned by the rep or the manager, due on a day.</summary>
public sealed class AgreedAction
{
    public Guid Id { get; set; }

    public int RideAlongId { get; set; }

    public int TeamId { get; set; }

    public required string Text { get; set; }

    public required string OwnerId { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime? DoneAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
