using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.MorningPlans;

public enum PlanEditability
{
    Editable,

    /// <summary>The day's evening review is in: the plan is frozen.</summary>
    Locked,

    /// <summary>The day is over in the team's zone: no plan can be made or changed for it.</summary>
    PastDay,

    TooFarAhead,
}

/// <summary>Where the rep's plan stands for the stand-up: by the team's due time or not.</summary>
public enum PlanState
{
    /// <summary>No submitted plan yet, and the due time has not passed.</summary>
    NotSubmitted,

    /// <summary>No submitted plan and the due time has passed.</summary>
    Late,

    Submitted,

    /// <summary>Submitted, but after the due time.</summary>
    SubmittedLate,
}

/// <summary>A visit's or call's change since the plan was submitted, shown so that edits after the stand-up are visible.</summary>
public enum VisitChange
{
    None,
    Added,
    Changed,
    Removed,
}

/// <summary>Input rules of a plan; each broken rule names a field and a MorningPlansText key.</summary>
public static class PlanRules
{
    public const int GoalsMaxLength = 1000;
    public const int ShortTextMaxLength = 200;
    public const int CustomerNameMaxLength = 100;
    public const int CommentMaxLength = 1000;
    public const int MaxVisits = 30;
    public const int MaxNumber = 99;

    /// <summary>Plans can be made for today and a few days ahead (e.g. Friday evening for Monday).</summary>
    public const int MaxDaysAhead = 7;

    /// <summary>Commitments due within this many days after the planned day are suggested as coming up.</summary>
    public const int ComingUpDays = 3;

    /// <summary>How far back the day picker goes; older days are out of the plan's useful life.</summary>
    public const int MaxYearsBack = 5;

    public static PlanEditability Editability(DateOnly day, DateOnly today, DateTime? lockedAt) =>
        lockedAt is not null ? PlanEditability.Locked
        : day < today ? PlanEditability.PastDay
        : day > today.AddDays(MaxDaysAhead) ? PlanEditability.TooFarAhead
        : PlanEditability.Editable;

    /// <summary>Throws unless a plan for <paramref name="day"/> may be written now.</summary>
    public static void EnsureEditable(DateOnly day, DateOnly today, DateTime? lockedAt)
    {
        switch (Editability(day, today, lockedAt))
        {
            case PlanEditability.Locked:
                throw new PlanLockedException();
            case PlanEditability.PastDay:
                throw new ValidationFailedException([new FieldError("Day", "Validation_PastDay")]);
            case PlanEditability.TooFarAhead:
                throw new ValidationFailedException([new FieldError("Day", "Validation_TooFarAhead", MaxDaysAhead)]);
        }
    }

    /// <summary>Goals are required once the plan is submitted; drafts may be incomplete but never invalid.</summary>
    public static List<FieldError> Validate(PlanInput input, bool submitted)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        if (submitted && string.IsNullOrWhiteSpace(input.Goals))
        {
            errors.Add(new FieldError(nameof(PlanInput.Goals), "Validation_GoalsRequired"));
        }

        MaxLength(errors, nameof(PlanInput.Goals), input.Goals, GoalsMaxLength);
        MaxLength(errors, nameof(PlanInput.Stretch), input.Stretch, ShortTextMaxLength);
        Number(errors, nameof(PlanInput.CommittedVisits), input.CommittedVisits);
        Number(errors, nameof(PlanInput.CommittedCalls), input.CommittedCalls);
        Number(errors, nameof(PlanInput.CommittedNewValidLeads), input.CommittedNewValidLeads);
        if (input.Visits.Count > MaxVisits)
        {
            errors.Add(new FieldError(nameof(PlanInput.Visits), "Validation_TooManyVisits", MaxVisits));
        }

        for (var i = 0; i < input.Visits.Count; i++)
        {
            var visit = input.Visits[i];
            if (visit.CustomerId is null && string.IsNullOrWhiteSpace(visit.ProspectName))
            {
                errors.Add(new FieldError(VisitField(i, "Customer"), "Validation_VisitNeedsCustomer"));
            }

            MaxLength(errors, VisitField(i, "Customer"), visit.CustomerId is null ? visit.ProspectName : null, CustomerNameMaxLength);
            if (string.IsNullOrWhiteSpace(visit.Purpose))
            {
                errors.Add(new FieldError(VisitField(i, nameof(PlannedVisitInput.Purpose)), "Validation_VisitNeedsPurpose"));
            }

            MaxLength(errors, VisitField(i, nameof(PlannedVisitInput.Purpose)), visit.Purpose, ShortTextMaxLength);
            MaxLength(errors, VisitField(i, nameof(PlannedVisitInput.ExpectedResult)), visit.ExpectedResult, ShortTextMaxLength);
            if (!Enum.IsDefined(visit.Kind))
            {
                errors.Add(new FieldError(VisitField(i, nameof(PlannedVisitInput.Kind)), "Validation_Required"));
            }

            if (visit.StartsAt is { } start && visit.EndsAt is { } end && end <= start)
            {
                errors.Add(new FieldError(VisitField(i, "Slot"), "Validation_SlotOrder"));
            }
        }

        return errors;
    }

    public static List<FieldError> ValidateComment(string? text)
    {
        List<FieldError> errors = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError("Text", "Validation_Required"));
        }

        MaxLength(errors, "Text", text, CommentMaxLength);
        return errors;
    }

    public static List<FieldError> Validate(MorningPlanSettings input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Number(errors, nameof(MorningPlanSettings.ExpectedVisits), input.ExpectedVisits);
        Number(errors, nameof(MorningPlanSettings.ExpectedCalls), input.ExpectedCalls);
        Number(errors, nameof(MorningPlanSettings.ExpectedNewValidLeads), input.ExpectedNewValidLeads);
        return errors;
    }

    /// <summary>The field name the form shows a visit's error next to, e.g. <c>Visits[2].Purpose</c>.</summary>
    public static string VisitField(int index, string field) => $"Visits[{index}].{field}";

    /// <summary>
    /// Whether a planned visit or call happened, judged by the rep's follow-up records with that customer on the day:
    /// a visit needs a visit or meeting; a call is done by any contact.
    /// </summary>
    public static bool Happened(PlannedVisitKind kind, IEnumerable<FollowUpKind> contactsThatDay)
    {
        ArgumentNullException.ThrowIfNull(contactsThatDay);
        return kind == PlannedVisitKind.Visit
            ? contactsThatDay.Any(contact => contact is FollowUpKind.Visit or FollowUpKind.Meeting)
            : contactsThatDay.Any();
    }

    public static VisitChange ChangeOf(PlannedVisit visit, DateTime? submittedAt)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return submittedAt is not { } submitted ? VisitChange.None
            : visit.RemovedAt is not null ? VisitChange.Removed
            : visit.CreatedAt > submitted ? VisitChange.Added
            : visit.UpdatedAt > submitted ? VisitChange.Changed
            : VisitChange.None;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Number(List<FieldError> errors, string field, int value)
    {
        if (value is < 0 or > MaxNumber)
        {
            errors.Add(new FieldError(field, "Validation_WholeNumber", MaxNumber));
        }
    }

    private static void MaxLength(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(field, "Validation_TooLong", maxLength));
        }
    }
}

/// <summary>
/// The team's plan-due time as instants: a rep without a submitted plan at the due time of the team's day is late.
/// Everything is read in the team's zone from a <see cref="TimeProvider"/>.
/// </summary>
public sealed class PlanDeadline(TimeOnly dueAt, string timeZoneId, TimeProvider clock)
{
    public DateOnly Today => TeamCalendar.Today(clock, timeZoneId);

    /// <summary>The UTC instant at which plans for <paramref name="day"/> are due.</summary>
    public DateTime DueUtc(DateOnly day)
    {
        var zone = TeamCalendar.Zone(timeZoneId);
        var local = day.ToDateTime(dueAt, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // a due time inside a spring-forward gap moves to the first valid minute after it
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Submitted at the due time exactly is on time; not submitted at the due time exactly is late.</summary>
    public PlanState StateOf(DateOnly day, DateTime? submittedAt)
    {
        var due = DueUtc(day);
        if (submittedAt is { } submitted)
        {
            return submitted > due ? PlanState.SubmittedLate : PlanState.Submitted;
        }

        return clock.GetUtcNow().UtcDateTime >= due ? PlanState.Late : PlanState.NotSubmitted;
    }

    /// <summary>The next instant at which time alone changes what a screen showing <paramref name="day"/> must show: the due time, then the next day.</summary>
    public DateTime NextChangeUtc(DateOnly day)
    {
        var due = DueUtc(day);
        return clock.GetUtcNow().UtcDateTime < due ? due : TeamCalendar.StartOfDayUtc(day.AddDays(1), timeZoneId);
    }
}

/// <summary>A plan rule refused the action; <see cref="MessageKey"/> names a MorningPlansText string.</summary>
public class PlanRuleException(string messageKey) : Exception($"Plan rule: {messageKey}")
{
    public string MessageKey { get; } = messageKey;
}

/// <summary>The plan's evening review is in: it can no longer be edited.</summary>
public sealed class PlanLockedException() : PlanRuleException("Rule_PlanLocked");
