using SalesCockpit.Features.Coaching;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>What a manager fills in to plan a ride-along; <see cref="PlannedVisitId"/> when it comes from a morning plan.</summary>
public sealed record ScheduleRideAlongInput(
    int TeamId,
    string RepId,
    int CustomerId,
    DateOnly Day,
    TimeOnly Time,
    LadderStep Step,
    IReadOnlyList<int> FocusSkillIds,
    long? PlannedVisitId = null);

/// <summary>A note as the browser sends it: its own id, the text, the tag and when it was typed.</summary>
public sealed record NoteInput(Guid Id, string Text, NoteTag? Tag, DateTime TakenAt);

public sealed record ActionInput(Guid Id, string Text, string OwnerId, DateOnly DueOn);

public static class RideAlongRules
{
    public const int NoteMaxLength = 2000;
    public const int LongTextMaxLength = 8000;
    public const int ActionMaxLength = 300;
    public const int MaxFocusSkills = 6;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>A device clock ahead of the server by more than this is not believed.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    public static List<FieldError> Validate(ScheduleRideAlongInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        if (string.IsNullOrWhiteSpace(input.RepId))
        {
            errors.Add(new FieldError(nameof(input.RepId), "Validation_Required"));
        }

        if (input.CustomerId <= 0)
        {
            errors.Add(new FieldError(nameof(input.CustomerId), "Validation_Required"));
        }

        if (input.Day < today)
        {
            errors.Add(new FieldError(nameof(input.Day), "Validation_DayInPast"));
        }

        if (!Enum.IsDefined(input.Step))
        {
            errors.Add(new FieldError(nameof(input.Step), "Validation_Required"));
        }

        if (input.FocusSkillIds.Count == 0)
        {
            errors.Add(new FieldError(nameof(input.FocusSkillIds), "Validation_SkillsRequired"));
        }
        else if (input.FocusSkillIds.Distinct().Count() > MaxFocusSkills)
        {
            errors.Add(new FieldError(nameof(input.FocusSkillIds), "Validation_TooManySkills", MaxFocusSkills));
        }

        return errors;
    }

    public static List<FieldError> Validate(NoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        if (input.Id == Guid.Empty || string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new FieldError(nameof(input.Text), "Validation_Required"));
        }
        else if (input.Text.Trim().Length > NoteMaxLength)
        {
            errors.Add(new FieldError(nameof(input.Text), "Validation_TooLong", NoteMaxLength));
        }

        if (input.Tag is { } tag && !Enum.IsDefined(tag))
        {
            errors.Add(new FieldError(nameof(input.Tag), "Validation_Required"));
        }

        return errors;
    }

    public static List<FieldError> Validate(ActionInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new FieldError(nameof(input.Text), "Validation_Required"));
        }
        else if (input.Text.Trim().Length > ActionMaxLength)
        {
            errors.Add(new FieldError(nameof(input.Text), "Validation_TooLong", ActionMaxLength));
        }

        if (string.IsNullOrWhiteSpace(input.OwnerId))
        {
            errors.Add(new FieldError(nameof(input.OwnerId), "Validation_Required"));
        }

        if (input.DueOn < today)
        {
            errors.Add(new FieldError(nameof(input.DueOn), "Validation_DayInPast"));
        }

        return errors;
    }

    public static FieldError? ValidateLongText(string field, string? text) =>
        text is not null && text.Length > LongTextMaxLength ? new FieldError(field, "Validation_TooLong", LongTextMaxLength) : null;

    public static bool IsScore(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>
    /// A ride-along is completed after the visit: from its start time on, with no end (the feedback may well come the next
    /// morning). Before it starts there is nothing to give feedback on.
    /// </summary>
    public static bool CanComplete(DateTime startsAtUtc, DateTime nowUtc) => nowUtc >= startsAtUtc;

    /// <summary>The note's time as typed, unless the device claims a time in the future.</summary>
    public static DateTime TakenAt(DateTime claimed, DateTime now)
    {
        var utc = claimed.Kind == DateTimeKind.Local ? claimed.ToUniversalTime() : DateTime.SpecifyKind(claimed, DateTimeKind.Utc);
        return utc > now + ClockSkewAllowance ? now : utc;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
