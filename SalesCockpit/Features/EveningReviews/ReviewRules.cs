using System.Globalization;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>A planned visit or call as the plan recorded it.</summary>
public sealed record PlannedItem(int Id, PlannedVisitKind Kind, int? CustomerId, string CustomerName, string Purpose);

/// <summary>A follow-up the rep recorded on the day.</summary>
public sealed record DayContact(int CustomerId, string CustomerName, FollowUpKind Kind);

public enum ItemOutcome
{
    Happened,
    Missed,

    /// <summary>A new prospect typed into the plan: it has no follow-up records, so whether it happened is not known.</summary>
    Unknown,
}

public sealed record PlannedItemResult(PlannedItem Item, ItemOutcome Outcome);

/// <summary>The day's committed numbers next to what the records say.</summary>
public sealed record DayNumbers(int Visits, int Calls, int NewValidLeads)
{
    public static DayNumbers Zero { get; } = new(0, 0, 0);

    public static DayNumbers operator +(DayNumbers left, DayNumbers right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Visits + right.Visits, left.Calls + right.Calls, left.NewValidLeads + right.NewValidLeads);
    }

    public static DayNumbers Add(DayNumbers left, DayNumbers right) => left + right;
}

/// <summary>
/// A rep's day, plan against actual. <see cref="HasPlan"/> is false without a submitted plan; then only the actual numbers
/// and the follow-ups (all unplanned) mean something.
/// </summary>
public sealed record PlanVsActual(
    bool HasPlan,
    IReadOnlyList<PlannedItemResult> Items,
    IReadOnlyList<DayContact> Unplanned,
    DayNumbers? Committed,
    DayNumbers Actual)
{
    public int Planned => Items.Count(item => item.Outcome != ItemOutcome.Unknown);

    public int Happened => Items.Count(item => item.Outcome == ItemOutcome.Happened);

    public IEnumerable<PlannedItemResult> Missed => Items.Where(item => item.Outcome == ItemOutcome.Missed);

    /// <summary>
    /// Matches each planned item with the day's follow-ups on its customer (<see cref="PlanRules.Happened"/>: a visit needs a
    /// visit or meeting, a call any contact). Follow-ups on customers the plan did not name are counted apart.
    /// </summary>
    public static PlanVsActual Compute(IReadOnlyList<PlannedItem>? plan, DayNumbers? committed, IReadOnlyList<DayContact> contacts, int newValidLeads)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var byCustomer = contacts.ToLookup(contact => contact.CustomerId, contact => contact.Kind);
        var actual = new DayNumbers(
            contacts.Count(contact => contact.Kind is FollowUpKind.Visit or FollowUpKind.Meeting),
            contacts.Count(contact => contact.Kind is FollowUpKind.Call or FollowUpKind.Message),
            newValidLeads);
        if (plan is null)
        {
            return new PlanVsActual(false, [], [.. contacts], null, actual);
        }

        var items = plan.Select(item => new PlannedItemResult(
            item,
            item.CustomerId is not { } customerId ? ItemOutcome.Unknown
            : PlanRules.Happened(item.Kind, byCustomer[customerId]) ? ItemOutcome.Happened
            : ItemOutcome.Missed)).ToList();
        var planned = plan.Select(item => item.CustomerId).OfType<int>().ToHashSet();
        return new PlanVsActual(true, items, [.. contacts.Where(contact => !planned.Contains(contact.CustomerId))], committed, actual);
    }
}

/// <summary>Input rules of a review and a judgment; each broken rule names a field and an EveningReviewsText key.</summary>
public static class ReviewRules
{
    public const int TextMaxLength = 2000;
    public const int ShortTextMaxLength = 300;
    public const int CommentMaxLength = 1000;

    /// <summary>How many days back a rep may still write a forgotten review.</summary>
    public const int MaxDaysBack = 7;

    /// <summary>How far back the share-out board's days go: as far as the plan's day picker.</summary>
    public const int ShareOutYearsBack = PlanRules.MaxYearsBack;

    public static List<FieldError> Validate(ReviewInput input, IReadOnlyCollection<int> missedItemIds, DateOnly day, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(missedItemIds);
        List<FieldError> errors = [];
        if (day > today)
        {
            errors.Add(new FieldError("Day", "Validation_FutureDay"));
        }
        else if (day < today.AddDays(-MaxDaysBack))
        {
            errors.Add(new FieldError("Day", "Validation_TooLongAgo", MaxDaysBack));
        }

        if (string.IsNullOrWhiteSpace(input.Wins) && string.IsNullOrWhiteSpace(input.Problems))
        {
            errors.Add(new FieldError(nameof(ReviewInput.Wins), "Validation_WinsOrProblems"));
        }

        if (string.IsNullOrWhiteSpace(input.Lesson))
        {
            errors.Add(new FieldError(nameof(ReviewInput.Lesson), "Validation_LessonRequired"));
        }

        MaxLength(errors, nameof(ReviewInput.Wins), input.Wins, TextMaxLength);
        MaxLength(errors, nameof(ReviewInput.Problems), input.Problems, TextMaxLength);
        MaxLength(errors, nameof(ReviewInput.Lesson), input.Lesson, TextMaxLength);
        MaxLength(errors, nameof(ReviewInput.HelpNeeded), input.HelpNeeded, TextMaxLength);
        foreach (var id in missedItemIds)
        {
            var reason = input.MissedReasons.GetValueOrDefault(id);
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add(new FieldError(MissedField(id), "Validation_ReasonRequired"));
            }

            MaxLength(errors, MissedField(id), reason, ShortTextMaxLength);
        }

        return errors;
    }

    public static List<FieldError> Validate(JudgmentInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        foreach (var (field, answer) in new[]
                 {
                     (nameof(JudgmentInput.PurchasingSeason), input.PurchasingSeason), (nameof(JudgmentInput.DecisionMakerFound), input.DecisionMakerFound),
                     (nameof(JudgmentInput.CanAfford), input.CanAfford), (nameof(JudgmentInput.FeatureDoubts), input.FeatureDoubts),
                 })
        {
            if (!Enum.IsDefined(answer))
            {
                errors.Add(new FieldError(field, "Validation_Required"));
            }
        }

        MaxLength(errors, nameof(JudgmentInput.PurchasingSeasonNote), input.PurchasingSeasonNote, ShortTextMaxLength);
        MaxLength(errors, nameof(JudgmentInput.DecisionMakerNote), input.DecisionMakerNote, ShortTextMaxLength);
        MaxLength(errors, nameof(JudgmentInput.CanAffordNote), input.CanAffordNote, ShortTextMaxLength);
        MaxLength(errors, nameof(JudgmentInput.FeatureDoubtsNote), input.FeatureDoubtsNote, ShortTextMaxLength);
        MaxLength(errors, nameof(JudgmentInput.OtherCauses), input.OtherCauses, TextMaxLength);
        if (string.IsNullOrWhiteSpace(input.NextAction))
        {
            errors.Add(new FieldError(nameof(JudgmentInput.NextAction), "Validation_NextActionRequired"));
        }

        MaxLength(errors, nameof(JudgmentInput.NextAction), input.NextAction, ShortTextMaxLength);
        if (input.NextActionOn is not { } on)
        {
            errors.Add(new FieldError(nameof(JudgmentInput.NextActionOn), "Validation_NextActionDateRequired"));
        }
        else if (on < today)
        {
            errors.Add(new FieldError(nameof(JudgmentInput.NextActionOn), "Validation_NextActionInPast"));
        }

        return errors;
    }

    /// <summary>Earliest review-due time: a time before noon would make every rep late for most of their working day.</summary>
    public static readonly TimeOnly EarliestReviewDueAt = new(12, 0);

    public static List<FieldError> Validate(EveningReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ReviewDueAt < EarliestReviewDueAt
            ? [new FieldError(nameof(EveningReviewSettings.ReviewDueAt), "Validation_DueAtTooEarly", EarliestReviewDueAt.ToString("HH:mm", CultureInfo.InvariantCulture))]
            : [];
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

    /// <summary>The field a missed item's reason is shown next to, e.g. <c>Missed[42]</c>.</summary>
    public static string MissedField(int plannedVisitId) => $"Missed[{plannedVisitId}]";

    /// <summary>
    /// A judgment's next action is done once the rep recorded a follow-up with the customer after the judgment; without one
    /// it is overdue after its date.
    /// </summary>
    public static NextActionState ActionState(DateTime judgedAt, DateOnly actionOn, DateTime? lastFollowUpByRepAt, DateOnly today) =>
        lastFollowUpByRepAt is { } at && at >= judgedAt ? NextActionState.Done
        : today > actionOn ? NextActionState.Overdue
        : NextActionState.Pending;

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void MaxLength(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(field, "Validation_TooLong", maxLength));
        }
    }
}

public enum NextActionState
{
    Pending,
    Done,
    Overdue,
}

/// <summary>Plan accuracy over a period: share of planned visits and calls that happened, committed against actual.</summary>
public sealed record PlanAccuracy(int PlannedDays, int Planned, int Happened, DayNumbers Committed, DayNumbers Actual)
{
    public double? Share => Planned == 0 ? null : (double)Happened / Planned;

    public static PlanAccuracy Of(IEnumerable<PlanVsActual> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var planned = days.Where(day => day.HasPlan).ToList();
        return new PlanAccuracy(
            planned.Count,
            planned.Sum(day => day.Planned),
            planned.Sum(day => day.Happened),
            planned.Aggregate(DayNumbers.Zero, (sum, day) => sum + day.Committed!),
            planned.Aggregate(DayNumbers.Zero, (sum, day) => sum + day.Actual));
    }
}

public sealed record ReviewInput(string? Wins, string? Problems, string? Lesson, string? HelpNeeded, IReadOnlyDictionary<int, string?> MissedReasons, Guid Version);

public sealed record JudgmentInput(
    JudgmentAnswer PurchasingSeason, string? PurchasingSeasonNote,
    JudgmentAnswer DecisionMakerFound, string? DecisionMakerNote,
    JudgmentAnswer CanAfford, string? CanAffordNote,
    JudgmentAnswer FeatureDoubts, string? FeatureDoubtsNote,
    string? OtherCauses, string? NextAction, DateOnly? NextActionOn, Guid Version);
