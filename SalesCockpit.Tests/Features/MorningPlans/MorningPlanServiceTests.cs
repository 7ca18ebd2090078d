using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using static SalesCockpit.Tests.Features.MorningPlans.PlanTestContext;

namespace SalesCockpit.Tests.Features.MorningPlans;

public sealed class MorningPlanServiceTests : IDisposable
{
    private readonly PlanTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task ADraftIsSavedThenSubmittedAndTheTeamIsTold()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui Machinery");

        var draft = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(goals: null, VisitTo(customer)), submit: false);
        Assert.False(draft.IsSubmitted);
        Assert.Null(draft.AtSubmission);

        context.Clock.Advance(TimeSpan.FromMinutes(10));
        var submitted = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Get the demo booked", VisitTo(customer)) with { Version = draft.Version }, submit: true);

        Assert.Equal(context.Clock.GetUtcNow().UtcDateTime, submitted.SubmittedAt);
        Assert.Equal(new Commitment(3, 8, 1), submitted.AtSubmission);
        Assert.Null(submitted.EditedAfterSubmitAt);
        var visit = Assert.Single(submitted.Visits);
        Assert.Equal(("Hengrui Machinery", VisitChange.None), (visit.CustomerName, visit.Change));
        Assert.All(context.Bus.Published, published => Assert.Equal((east.Id, MorningPlanTopics.Plan, submitted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (published.TeamId, published.Topic, published.SubjectId)));
        Assert.Equal(2, context.Bus.Published.Count);
    }

    [Fact]
    public async Task EditsAfterSubmissionAreVisibleAsSuch()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var first = await context.CustomerAsync(east, rep, "First Co");
        var second = await context.CustomerAsync(east, rep, "Second Co");
        var third = await context.CustomerAsync(east, rep, "Third Co");
        var submitted = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(first), VisitTo(second)), submit: true);

        context.Clock.Advance(TimeSpan.FromHours(1));
        var kept = submitted.Visits[0];
        var edited = await context.Plans.SaveAsync(rep, east.Id, Thursday, new PlanInput(
            "Goals", null, 2, 8, 1,
            [new PlannedVisitInput(kept.Id, kept.Kind, kept.CustomerId, null, "A different purpose", kept.StartsAt, kept.EndsAt, kept.ExpectedResult), VisitTo(third)],
            [], submitted.Version), submit: false);

        Assert.Equal(context.Clock.GetUtcNow().UtcDateTime, edited.EditedAfterSubmitAt);
        Assert.Equal(submitted.SubmittedAt, edited.SubmittedAt);
        Assert.Equal((2, 3), (edited.Committed.Visits, edited.AtSubmission!.Visits));
        Assert.Equal(
            [("First Co", VisitChange.Changed), ("Third Co", VisitChange.Added), ("Second Co", VisitChange.Removed)],
            edited.Visits.OrderBy(visit => visit.Change == VisitChange.Removed).Select(visit => (visit.CustomerName, visit.Change)));
        Assert.Equal(["First Co", "Third Co"], edited.Planned.Select(visit => visit.CustomerName));
    }

    [Fact]
    public async Task SavingASubmittedPlanUnchangedIsNoEdit()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui");
        var submitted = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer)), submit: true);
        var visit = submitted.Visits[0];

        var again = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer) with { Id = visit.Id }) with { Version = submitted.Version }, submit: true);

        Assert.Null(again.EditedAfterSubmitAt);
        Assert.Equal(VisitChange.None, Assert.Single(again.Visits).Change);
    }

    [Fact]
    public async Task ARowSentTwiceWithTheSameIdIsSavedAsANewRow()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui");
        var draft = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer)), submit: false);
        var row = VisitTo(customer) with { Id = draft.Visits[0].Id };

        var saved = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", row, row with { Purpose = "Again" }) with { Version = draft.Version }, submit: false);

        Assert.Equal([("Hengrui", "Demo"), ("Hengrui", "Again")], saved.Visits.Select(visit => (visit.CustomerName, visit.Purpose)));
    }

    [Fact]
    public async Task AVisitRemovedBeforeSubmissionIsGone()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui");
        var draft = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer)), submit: false);

        var saved = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals") with { Version = draft.Version }, submit: true);

        Assert.Empty(saved.Visits);
    }

    [Fact]
    public async Task LockedPlansCannotBeEdited()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var submitted = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);

        Assert.True(await context.Plans.LockAsync(rep, east.Id, rep.UserId, Thursday));

        var locked = (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!;
        Assert.Equal(PlanEditability.Locked, locked.Editability);
        Assert.NotNull(locked.LockedAt);
        await Assert.ThrowsAsync<PlanLockedException>(() => context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Changed") with { Version = locked.Version }, submit: false));
        Assert.Equal("Close two deals", (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.Goals);
        Assert.Equal(MorningPlanTopics.Plan, context.Bus.Published[^1].Topic);
        Assert.NotEqual(submitted.Version, locked.Version);
    }

    [Fact]
    public async Task LockingTwiceKeepsTheFirstLockAndADayWithoutAPlanHasNothingToLock()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var manager = await context.Data.ManagerAsync(east);
        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);
        await context.Plans.LockAsync(rep, east.Id, rep.UserId, Thursday);
        var firstLock = (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.LockedAt;
        var events = context.Bus.Published.Count;

        context.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await context.Plans.LockAsync(manager, east.Id, rep.UserId, Thursday));
        Assert.False(await context.Plans.LockAsync(manager, east.Id, rep.UserId, Thursday.AddDays(1)));

        Assert.Equal(firstLock, (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.LockedAt);
        Assert.Equal(events, context.Bus.Published.Count);
    }

    [Fact]
    public async Task OnlyTheRepThemselfOrTheTeamsManagerLocksAPlan()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var teammate = await context.Data.RepAsync(east);
        var otherManager = await context.Data.ManagerAsync(north);
        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.LockAsync(teammate, east.Id, rep.UserId, Thursday));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.LockAsync(otherManager, east.Id, rep.UserId, Thursday));
        Assert.Null((await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.LockedAt);
    }

    [Fact]
    public async Task APlanCannotBeMadeForADayThatIsOverInTheTeamsZone()
    {
        var shanghai = await context.Data.TeamAsync(timeZoneId: "Asia/Shanghai");
        var newYork = await context.Data.TeamAsync(timeZoneId: "America/New_York");
        var eastRep = await context.Data.RepAsync(shanghai);
        var westRep = await context.Data.RepAsync(newYork);
        // 00:30 on Friday in Shanghai is still Thursday morning in New York.
        context.SetShanghaiTime(Thursday.AddDays(1), 0, 30);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => context.Plans.SaveAsync(eastRep, shanghai.Id, Thursday, Input(), submit: true));
        Assert.Equal("Validation_PastDay", invalid.MessageKeyFor("Day"));
        Assert.True((await context.Plans.SaveAsync(westRep, newYork.Id, Thursday, Input(), submit: true)).IsSubmitted);
        Assert.True((await context.Plans.SaveAsync(eastRep, shanghai.Id, Thursday.AddDays(1), Input(), submit: true)).IsSubmitted);
    }

    [Fact]
    public async Task YesterdaysPlanCanBeReadButNoLongerChanged()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);

        context.SetShanghaiTime(Thursday.AddDays(1), 8, 0);

        Assert.Equal(PlanEditability.PastDay, (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.Editability);
        await Assert.ThrowsAsync<ValidationFailedException>(() => context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Later") with { Version = plan.Version }, submit: false));
    }

    [Fact]
    public async Task PlannedVisitsAreToTheRepsOwnCustomersOrNewProspects()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var teammate = await context.Data.RepAsync(east);
        var colleagues = await context.CustomerAsync(east, teammate, "Colleague's Co");
        var unowned = await context.CustomerAsync(east, owner: null, "Public Pool Co");

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(colleagues), Prospect("Brand New Ltd"), VisitTo(unowned)), submit: true));

        Assert.Equal(["Visits[0].Customer", "Visits[2].Customer"], invalid.Errors.Select(error => error.Field));
        Assert.All(invalid.Errors, error => Assert.Equal("Validation_NotYourCustomer", error.MessageKey));
        var saved = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", Prospect("Brand New Ltd")), submit: true);
        Assert.True(Assert.Single(saved.Visits).IsProspect);
    }

    [Fact]
    public async Task AStaleSaveIsAConcurrentEdit()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var first = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: false);
        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("From the other tab") with { Version = first.Version }, submit: false);

        await Assert.ThrowsAsync<ConcurrentEditException>(() => context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Stale") with { Version = first.Version }, submit: false));
        await Assert.ThrowsAsync<ConcurrentEditException>(() => context.Plans.SaveAsync(rep, east.Id, Thursday.AddDays(1), Input() with { Version = first.Version }, submit: false));
    }

    [Fact]
    public async Task AStaleSaveThatChangesOnlyVisitsIsAConcurrentEditToo()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui");
        var draft = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer)), submit: false);
        var row = VisitTo(customer) with { Id = draft.Visits[0].Id };
        var saved = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", row with { Purpose = "First tab" }) with { Version = draft.Version }, submit: false);

        await Assert.ThrowsAsync<ConcurrentEditException>(() =>
            context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", row with { Purpose = "Second tab" }) with { Version = draft.Version }, submit: false));
        Assert.NotEqual(draft.Version, saved.Version);
        Assert.Equal("First tab", (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.Visits[0].Purpose);
    }

    [Fact]
    public async Task ARepReadsTheirOwnPlanAndTheTeamsManagerReadsItButNobodyElse()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var teammate = await context.Data.RepAsync(east);
        var manager = await context.Data.ManagerAsync(east);
        var otherManager = await context.Data.ManagerAsync(north);
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);

        Assert.Equal(plan.Id, (await context.Plans.GetAsync(rep, plan.Id)).Id);
        Assert.Equal(plan.Id, (await context.Plans.GetAsync(manager, plan.Id)).Id);
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.GetAsync(teammate, plan.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.GetAsync(otherManager, plan.Id));
        Assert.Null(await context.Plans.GetMineAsync(teammate, east.Id, Thursday));
    }

    [Fact]
    public async Task ManagersDoNotMakePlansAndRepsPlanOnlyInTheirOwnTeam()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var northRep = await context.Data.RepAsync(north);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.SaveAsync(manager, east.Id, Thursday, Input(), submit: true));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Plans.SaveAsync(northRep, east.Id, Thursday, Input(), submit: true));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Suggestions.ForAsync(northRep, east.Id, Thursday));
    }

    [Fact]
    public async Task MyStatusTurnsLateAtTheTeamsDueTimeAndSubmittedAfterwards()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);

        context.SetShanghaiTime(Thursday, 9, 29, 59);
        Assert.Equal(PlanState.NotSubmitted, (await context.Plans.MyStatusAsync(rep, east.Id)).State);
        context.SetShanghaiTime(Thursday, 9, 30);
        var late = await context.Plans.MyStatusAsync(rep, east.Id);
        Assert.Equal((PlanState.Late, new TimeOnly(9, 30)), (late.State, late.DueAt));

        context.Clock.Advance(TimeSpan.FromMinutes(5));
        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);
        Assert.Equal(PlanState.SubmittedLate, (await context.Plans.MyStatusAsync(rep, east.Id)).State);
    }
}
