using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Features.EveningReviews;

public sealed class EveningReviewTests : IDisposable
{
    private static readonly DateOnly Thursday = PlanTestContext.Thursday;
    private readonly PlanTestContext context = new(services => services.AddSingleton<CustomerOutcomes>().AddEveningReviews());

    private EveningReviewService Reviews => context.Get<EveningReviewService>();

    private ShareOutService ShareOut => context.Get<ShareOutService>();

    public void Dispose() => context.Dispose();

    [Fact]
    public void APlannedVisitHappensOnlyWithAVisitOrMeetingThatDayAndUnplannedFollowUpsCountApart()
    {
        PlannedItem visit = new(1, PlannedVisitKind.Visit, 10, "Alpha", "Demo"), call = new(2, PlannedVisitKind.Call, 11, "Beta", "Call"), prospect = new(3, PlannedVisitKind.Visit, null, "New Co", "Intro");
        var facts = PlanVsActual.Compute(
            [visit, call, prospect], new DayNumbers(2, 5, 1),
            [new DayContact(10, "Alpha", FollowUpKind.Call), new DayContact(11, "Beta", FollowUpKind.Message), new DayContact(12, "Gamma", FollowUpKind.Visit)], 1);

        Assert.Equal([ItemOutcome.Missed, ItemOutcome.Happened, ItemOutcome.Unknown], facts.Items.Select(item => item.Outcome));
        Assert.Equal("Gamma", Assert.Single(facts.Unplanned).CustomerName);
        Assert.Equal(new DayNumbers(1, 2, 1), facts.Actual);
        Assert.Equal(1, facts.Happened);
        Assert.Equal(2, facts.Planned);
    }

    [Fact]
    public void ADayWithoutAPlanHasOnlyActualNumbers()
    {
        var facts = PlanVsActual.Compute(null, null, [new DayContact(12, "Gamma", FollowUpKind.Visit)], 0);

        Assert.False(facts.HasPlan);
        Assert.Single(facts.Unplanned);
        Assert.Equal(0, PlanAccuracy.Of([facts]).PlannedDays);
    }

    [Fact]
    public async Task SubmittingAReviewLocksTheDaysPlanAndNeedsAReasonForWhatDidNotHappen()
    {
        var team = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(team);
        var done = await context.CustomerAsync(team, rep, "Alpha Trading");
        var missed = await context.CustomerAsync(team, rep, "Beta Foods");
        await context.Plans.SaveAsync(rep, team.Id, Thursday, PlanTestContext.Input("Two demos", PlanTestContext.VisitTo(done), PlanTestContext.VisitTo(missed)), submit: true);
        await context.FollowUpAsync(done, rep, PlanTestContext.Shanghai(Thursday, 10));
        context.SetShanghaiTime(Thursday, 18);

        var sheet = await Reviews.GetSheetAsync(rep, team.Id, Thursday);
        var missedItem = Assert.Single(sheet.Facts.Missed).Item;
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Reviews.SubmitAsync(rep, team.Id, Thursday, new ReviewInput("Demo went well", null, "Show their own data", null, new Dictionary<int, string?>(), Guid.Empty)));
        Assert.Equal("Validation_ReasonRequired", invalid.MessageKeyFor(ReviewRules.MissedField(missedItem.Id)));

        await Reviews.SubmitAsync(rep, team.Id, Thursday, new ReviewInput("Demo went well", null, "Show their own data", null, new Dictionary<int, string?> { [missedItem.Id] = "They moved it" }, Guid.Empty));

        var plan = await context.Plans.GetMineAsync(rep, team.Id, Thursday);
        Assert.NotNull(plan!.LockedAt);
        await Assert.ThrowsAsync<PlanLockedException>(() => context.Plans.SaveAsync(rep, team.Id, Thursday, PlanTestContext.Input("Changed") with { Version = plan.Version }, submit: true));
    }

    [Fact]
    public async Task ARepWithoutAReviewIsLateAfterTheTeamsDueTime()
    {
        var team = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(team);
        var rep = await context.Data.RepAsync(team);
        context.SetShanghaiTime(Thursday, 18, 59, 59);
        Assert.Equal(PlanState.NotSubmitted, Assert.Single((await ShareOut.GetDayAsync(manager, team.Id)).Reps).State);

        context.SetShanghaiTime(Thursday, 19);
        Assert.Equal(PlanState.Late, Assert.Single((await ShareOut.GetDayAsync(manager, team.Id)).Reps).State);

        await ShareOut.UpdateSettingsAsync(manager, team.Id, new EveningReviewSettings { ReviewDueAt = new TimeOnly(20, 0) });
        var row = Assert.Single((await ShareOut.GetDayAsync(rep, team.Id)).Reps);
        Assert.Equal(PlanState.NotSubmitted, row.State);
    }

    [Fact]
    public async Task NobodySeesOrTouchesAnotherTeamsReviews()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var northManager = await context.Data.ManagerAsync(north);
        var northRep = await context.Data.RepAsync(north);
        var review = await Reviews.SubmitAsync(rep, east.Id, Thursday, new ReviewInput("Good day", null, "A lesson", "Need help", new Dictionary<int, string?>(), Guid.Empty));

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => ShareOut.GetDayAsync(northManager, east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => ShareOut.HighlightAsync(northManager, review.Id, true));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => ShareOut.CommentAsync(northRep, review.Id, "hi"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => ShareOut.HighlightAsync(rep, review.Id, true));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Reviews.GetSheetAsync(northRep, east.Id, Thursday));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => ShareOut.GetTodayForBoardAsync(rep, east.Id));
    }
}
