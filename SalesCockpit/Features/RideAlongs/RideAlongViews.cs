using SalesCockpit.Features.Coaching;

namespace SalesCockpit.Features.RideAlongs;

public sealed record RideAlongRow(
    int Id,
    DateOnly Day,
    TimeOnly Time,
    string RepId,
    string RepName,
    string ManagerName,
    int CustomerId,
    string CustomerName,
    LadderStep Step,
    IReadOnlyList<SkillView> FocusSkills,
    RideAlongStatus Status);

public sealed record RideAlongList(DateOnly Today, IReadOnlyList<RideAlongRow> Upcoming, IReadOnlyList<RideAlongRow> Past);

public sealed record RideAlongDay(DateOnly Day, IReadOnlyList<RideAlongRow> RideAlongs);

public sealed record NoteView(Guid Id, string Text, NoteTag? Tag, DateTime TakenAt, TimeOnly LocalTime);

public sealed record ActionView(Guid Id, string Text, string OwnerId, string OwnerName, DateOnly DueOn, bool Done);

public sealed record RideAlongDetails(
    int Id,
    int TeamId,
    string TimeZoneId,
    DateOnly Day,
    TimeOnly Time,
    string RepId,
    string RepName,
    string ManagerId,
    string ManagerName,
    int CustomerId,
    string CustomerName,
    LadderStep Step,
    IReadOnlyList<SkillView> FocusSkills,
    RideAlongStatus Status,
    DateTime? CompletedAt,
    string? RepAccount,
    string? Feedback,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyDictionary<int, int> Scores,
    IReadOnlyList<ActionView> Actions,
    bool IsCoach,
    bool IsRep,
    Guid Version)
{
    public bool IsOpen => Status == RideAlongStatus.Scheduled;

    /// <summary>The manager (or an admin) takes notes, scores and writes feedback while the ride-along is open.</summary>
    public bool CanCoach => IsCoach && IsOpen;

    public bool CanWriteAccount => IsRep && IsOpen;
}

/// <summary>What the scheduling dialog offers: the team's reps and skills, and each rep's ladder steps to suggest a step.</summary>
public sealed record SchedulingOptions(
    DateOnly Today,
    IReadOnlyList<(string Id, string Name)> Reps,
    IReadOnlyList<SkillView> Skills,
    IReadOnlyDictionary<(string RepId, int SkillId), LadderStep> Steps)
{
    /// <summary>The lowest step the rep is at among the chosen skills: coach from where they stand.</summary>
    public LadderStep SuggestedStep(string? repId, IEnumerable<int> skillIds)
    {
        var steps = skillIds.Select(skillId => repId is not null && Steps.TryGetValue((repId, skillId), out var step) ? step : LadderStep.IDoYouWatch).ToList();
        return steps.Count == 0 ? LadderStep.IDoYouWatch : steps.Min();
    }
}

/// <summary>An agreed action that is due for its owner, for the morning plan's suggestions.</summary>
public sealed record AgreedActionDue(Guid Id, int RideAlongId, string Text, DateOnly DueOn, bool Overdue, int CustomerId, string CustomerName, string ManagerName);
