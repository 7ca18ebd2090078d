using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Tests.Features.MorningPlans;

public class PlanDayTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Fact]
    public void TodayIsTheDateInTheTeamsZone()
    {
        // 16:30 UTC on Thursday is already 00:30 on Friday in Shanghai, and still 11:30 on Thursday in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero));
        var shanghai = TeamCalendar.Today(clock, "Asia/Shanghai");
        var newYork = TeamCalendar.Today(clock, "America/New_York");

        Assert.Equal(Thursday.AddDays(1), shanghai);
        Assert.Equal(PlanEditability.PastDay, PlanRules.Editability(Thursday, shanghai, lockedAt: null));
        Assert.Equal(PlanEditability.Editable, PlanRules.Editability(Thursday, newYork, lockedAt: null));
    }

    [Fact]
    public void APlanCanBeMadeForTodayAndAWeekAheadButNotForAPastDay()
    {
        Assert.Equal(PlanEditability.Editable, PlanRules.Editability(Thursday, Thursday, null));
        Assert.Equal(PlanEditability.Editable, PlanRules.Editability(Thursday.AddDays(PlanRules.MaxDaysAhead), Thursday, null));
        Assert.Equal(PlanEditability.TooFarAhead, PlanRules.Editability(Thursday.AddDays(PlanRules.MaxDaysAhead + 1), Thursday, null));
        Assert.Equal(PlanEditability.PastDay, PlanRules.Editability(Thursday.AddDays(-1), Thursday, null));

        var invalid = Assert.Throws<ValidationFailedException>(() => PlanRules.EnsureEditable(Thursday.AddDays(-1), Thursday, null));
        Assert.Equal("Validation_PastDay", invalid.MessageKeyFor("Day"));
    }

    [Fact]
    public void ALockedPlanCannotBeEditedEvenOnItsOwnDay()
    {
        var lockedAt = new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc);

        Assert.Equal(PlanEditability.Locked, PlanRules.Editability(Thursday, Thursday, lockedAt));
        var refused = Assert.Throws<PlanLockedException>(() => PlanRules.EnsureEditable(Thursday, Thursday, lockedAt));
        Assert.Equal("Rule_PlanLocked", refused.MessageKey);
    }
}

public class PlanDeadlineTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static readonly TimeOnly HalfPastNine = new(9, 30);

    private static FakeTimeProvider ShanghaiAt(int hour, int minute, int second = 0) =>
        new(new DateTimeOffset(2026, 11, 26, hour, minute, second, TimeSpan.FromHours(8)));

    [Fact]
    public void NotLateUntilTheDueTimeThenLate()
    {
        Assert.Equal(PlanState.NotSubmitted, new PlanDeadline(HalfPastNine, "Asia/Shanghai", ShanghaiAt(9, 29, 59)).StateOf(Thursday, null));
        Assert.Equal(PlanState.Late, new PlanDeadline(HalfPastNine, "Asia/Shanghai", ShanghaiAt(9, 30)).StateOf(Thursday, null));
    }

    [Fact]
    public void SubmittedByTheDueTimeIsOnTimeAndAfterItIsLate()
    {
        var deadline = new PlanDeadline(HalfPastNine, "Asia/Shanghai", ShanghaiAt(11, 0));

        Assert.Equal(PlanState.Submitted, deadline.StateOf(Thursday, new DateTime(2026, 11, 26, 1, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(PlanState.SubmittedLate, deadline.StateOf(Thursday, new DateTime(2026, 11, 26, 1, 30, 1, DateTimeKind.Utc)));
    }

    [Fact]
    public void TheDueTimeIsTeamTimeAcrossDaylightSaving()
    {
        var clock = new FakeTimeProvider();
        var deadline = new PlanDeadline(HalfPastNine, "America/New_York", clock);

        // Clocks in New York go forward on Sunday 8 March 2026: 09:30 is 14:30 UTC the Friday before, 13:30 UTC the Monday after.
        Assert.Equal(new DateTime(2026, 3, 6, 14, 30, 0, DateTimeKind.Utc), deadline.DueUtc(new DateOnly(2026, 3, 6)));
        Assert.Equal(new DateTime(2026, 3, 9, 13, 30, 0, DateTimeKind.Utc), deadline.DueUtc(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void ADueTimeInsideTheSpringForwardGapMovesToTheFirstValidTime()
    {
        var deadline = new PlanDeadline(new TimeOnly(2, 30), "America/New_York", new FakeTimeProvider());

        Assert.Equal(new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), deadline.DueUtc(new DateOnly(2026, 3, 8)));
    }

    [Fact]
    public void TimeNextChangesTheScreenAtTheDueTimeThenAtMidnight()
    {
        Assert.Equal(new DateTime(2026, 11, 26, 1, 30, 0, DateTimeKind.Utc), new PlanDeadline(HalfPastNine, "Asia/Shanghai", ShanghaiAt(8, 0)).NextChangeUtc(Thursday));
        Assert.Equal(new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc), new PlanDeadline(HalfPastNine, "Asia/Shanghai", ShanghaiAt(10, 0)).NextChangeUtc(Thursday));
    }
}

public class PlanValidationTests
{
    private static PlanInput Plan(string? goals, params PlannedVisitInput[] visits) => new(goals, null, 3, 8, 1, visits, [], Guid.Empty);

    [Fact]
    public void APlannedVisitNeedsACustomerAndAPurpose()
    {
        var errors = PlanRules.Validate(Plan("Goals", new PlannedVisitInput(null, PlannedVisitKind.Visit, null, "  ", " ")), submitted: true);

        Assert.Contains(errors, error => error is { Field: "Visits[0].Customer", MessageKey: "Validation_VisitNeedsCustomer" });
        Assert.Contains(errors, error => error is { Field: "Visits[0].Purpose", MessageKey: "Validation_VisitNeedsPurpose" });
    }

    [Fact]
    public void AProspectTypedInIsACustomerForThePlan()
    {
        Assert.Empty(PlanRules.Validate(Plan("Goals", new PlannedVisitInput(null, PlannedVisitKind.Call, null, "Acme Trading", "Introduce us")), submitted: true));
        Assert.Empty(PlanRules.Validate(Plan("Goals", new PlannedVisitInput(null, PlannedVisitKind.Visit, 42, null, "Demo")), submitted: true));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void CommittedNumbersAreBetweenZeroAndNinetyNine(int number)
    {
        var errors = PlanRules.Validate(new PlanInput("Goals", null, number, 0, number, [], [], Guid.Empty), submitted: true);

        Assert.Equal(["CommittedVisits", "CommittedNewValidLeads"], errors.Select(error => error.Field));
        Assert.All(errors, error => Assert.Equal("Validation_WholeNumber", error.MessageKey));
    }

    [Fact]
    public void GoalsAreNeededToSubmitNotToSaveADraft()
    {
        Assert.Empty(PlanRules.Validate(Plan(" "), submitted: false));
        Assert.Equal("Validation_GoalsRequired", Assert.Single(PlanRules.Validate(Plan(" "), submitted: true)).MessageKey);
    }

    [Fact]
    public void ATimeSlotEndsAfterItStarts()
    {
        var visit = new PlannedVisitInput(null, PlannedVisitKind.Visit, 1, null, "Demo", new TimeOnly(11, 0), new TimeOnly(10, 0));

        Assert.Equal("Visits[0].Slot", Assert.Single(PlanRules.Validate(Plan("Goals", visit), submitted: false)).Field);
    }

    [Fact]
    public void ACommentIsNeitherEmptyNorTooLong()
    {
        Assert.Equal("Validation_Required", Assert.Single(PlanRules.ValidateComment(" ")).MessageKey);
        Assert.Equal("Validation_TooLong", Assert.Single(PlanRules.ValidateComment(new string('x', PlanRules.CommentMaxLength + 1))).MessageKey);
        Assert.Empty(PlanRules.ValidateComment("Confirm the decision maker first."));
    }
}

public class VisitOutcomeTests
{
    [Fact]
    public void AVisitHappenedWhenTheRepRecordedAVisitOrMeetingThatDay()
    {
        Assert.True(PlanRules.Happened(PlannedVisitKind.Visit, [FollowUpKind.Call, FollowUpKind.Meeting]));
        Assert.False(PlanRules.Happened(PlannedVisitKind.Visit, [FollowUpKind.Call, FollowUpKind.Message]));
        Assert.False(PlanRules.Happened(PlannedVisitKind.Visit, []));
    }

    [Fact]
    public void ACallHappenedWithAnyContactThatDay()
    {
        Assert.True(PlanRules.Happened(PlannedVisitKind.Call, [FollowUpKind.Message]));
        Assert.False(PlanRules.Happened(PlannedVisitKind.Call, []));
    }

    [Fact]
    public void ChangesCountOnlyAfterSubmission()
    {
        var submitted = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);
        PlannedVisit Visit(int createdMinutes, int updatedMinutes, int? removedMinutes = null) => new()
        {
            CustomerName = "x",
            Purpose = "y",
            CreatedAt = submitted.AddMinutes(createdMinutes),
            UpdatedAt = submitted.AddMinutes(updatedMinutes),
            RemovedAt = removedMinutes is { } removed ? submitted.AddMinutes(removed) : null,
        };

        Assert.Equal(VisitChange.None, PlanRules.ChangeOf(Visit(5, 5), submittedAt: null));
        Assert.Equal(VisitChange.None, PlanRules.ChangeOf(Visit(-5, 0), submitted));
        Assert.Equal(VisitChange.Added, PlanRules.ChangeOf(Visit(5, 5), submitted));
        Assert.Equal(VisitChange.Changed, PlanRules.ChangeOf(Visit(-5, 5), submitted));
        Assert.Equal(VisitChange.Removed, PlanRules.ChangeOf(Visit(-5, -5, 10), submitted));
    }
}
