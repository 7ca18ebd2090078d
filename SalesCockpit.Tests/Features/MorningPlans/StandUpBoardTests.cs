using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using static SalesCockpit.Tests.Features.MorningPlans.PlanTestContext;

namespace SalesCockpit.Tests.Features.MorningPlans;

public sealed class StandUpBoardTests : IDisposable
{
    private readonly PlanTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task ShowsEveryRepWithTheirSubmittedPlanWhileDraftsStayTheRepsOwn()
    {
        var east = await context.Data.TeamAsync("East");
        var manager = await context.Data.ManagerAsync(east);
        var submitter = await context.Data.RepAsync(east);
        var drafter = await context.Data.RepAsync(east);
        var absent = await context.Data.RepAsync(east);
        await context.Plans.SaveAsync(submitter, east.Id, Thursday, Input("Visible goals"), submit: true);
        await context.Plans.SaveAsync(drafter, east.Id, Thursday, Input("Secret draft"), submit: false);
        await context.Plans.SaveAsync(submitter, east.Id, Thursday.AddDays(1), Input("Tomorrow"), submit: true);

        var board = await context.Board.GetAsync(manager, east.Id);

        Assert.Equal((Thursday, "East"), (board.Day, board.TeamName));
        Assert.Equal(new[] { absent.UserId, drafter.UserId, submitter.UserId }.Order(), board.Cards.Select(card => card.RepId).Order());
        Assert.Equal("Visible goals", board.Cards.Single(card => card.RepId == submitter.UserId).Plan!.Goals);
        var draft = board.Cards.Single(card => card.RepId == drafter.UserId);
        Assert.True(draft.HasDraft);
        Assert.Null(draft.Plan);
        Assert.Null(board.Cards.Single(card => card.RepId == absent.UserId).Plan);
        Assert.Equal(new Commitment(3, 8, 1), board.Committed);
        Assert.Equal(new Commitment(12, 24, 3), board.Expected);
    }

    [Fact]
    public async Task ACardIsReloadedAloneForItsPlanAndOnlyForToday()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var draft = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: false);
        var tomorrow = await context.Plans.SaveAsync(rep, east.Id, Thursday.AddDays(1), Input(), submit: true);

        Assert.True((await context.Board.GetCardAsync(manager, east.Id, draft.Id))!.HasDraft);
        Assert.Null(await context.Board.GetCardAsync(manager, east.Id, tomorrow.Id));

        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input() with { Version = draft.Version }, submit: true);
        Assert.True((await context.Board.GetCardAsync(manager, east.Id, draft.Id))!.Plan!.IsSubmitted);
    }

    [Fact]
    public async Task AManagersCommentReachesTheRepsPlanAtOnce()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);

        await context.Board.CommentAsync(manager, plan.Id, "  Confirm the decision maker first.  ");

        var comment = Assert.Single((await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.Comments);
        Assert.Equal(("Confirm the decision maker first.", manager.DisplayName), (comment.Text, comment.AuthorName));
        var published = context.Bus.Published[^1];
        Assert.Equal((MorningPlanTopics.Comments, plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (published.Topic, published.SubjectId));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => context.Board.CommentAsync(manager, plan.Id, " "));
        Assert.Equal("Validation_Required", invalid.MessageKeyFor("Text"));
    }

    [Fact]
    public async Task AManagerMarksAVisitToJoinAndTheRideAlongFeatureCanListIt()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui, "Demo"), VisitTo(hengrui, "Call back", PlannedVisitKind.Call)), submit: true);
        var visit = plan.Visits.Single(candidate => candidate.Kind == PlannedVisitKind.Visit);
        var call = plan.Visits.Single(candidate => candidate.Kind == PlannedVisitKind.Call);

        await context.Board.SetRideAlongAsync(manager, visit.Id, join: true);

        var request = Assert.Single(await context.Board.RideAlongRequestsAsync(manager, east.Id));
        Assert.Equal((visit.Id, rep.UserId, manager.UserId, "Hengrui", "Demo", Thursday), (request.PlannedVisitId, request.RepId, request.ManagerId, request.CustomerName, request.Purpose, request.Day));
        Assert.Equal(manager.DisplayName, (await context.Plans.GetMineAsync(rep, east.Id, Thursday))!.Visits.Single(candidate => candidate.Id == visit.Id).RideAlong!.ManagerName);
        Assert.Equal(MorningPlanTopics.RideAlongMarks, context.Bus.Published[^1].Topic);
        Assert.Equal("Rule_RideAlongVisitsOnly", (await Assert.ThrowsAsync<PlanRuleException>(() => context.Board.SetRideAlongAsync(manager, call.Id, join: true))).MessageKey);

        await context.Board.SetRideAlongAsync(manager, visit.Id, join: false);
        Assert.Empty(await context.Board.RideAlongRequestsAsync(manager, east.Id));
    }

    [Fact]
    public async Task AVisitRemovedAfterSubmissionIsNoLongerARideAlong()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui)), submit: true);
        await context.Board.SetRideAlongAsync(manager, plan.Visits[0].Id, join: true);

        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals") with { Version = plan.Version }, submit: false);

        Assert.Empty(await context.Board.RideAlongRequestsAsync(manager, east.Id));
        Assert.Equal("Rule_VisitRemoved", (await Assert.ThrowsAsync<PlanRuleException>(() => context.Board.SetRideAlongAsync(manager, plan.Visits[0].Id, join: true))).MessageKey);
    }

    [Fact]
    public async Task ALockedPlanTakesCommentsButNoNewRideAlongs()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui)), submit: true);
        await context.Plans.LockAsync(rep, east.Id, rep.UserId, Thursday);

        await Assert.ThrowsAsync<PlanLockedException>(() => context.Board.SetRideAlongAsync(manager, plan.Visits[0].Id, join: true));
        await context.Board.CommentAsync(manager, plan.Id, "Good day.");
        Assert.Single((await context.Plans.GetAsync(manager, plan.Id)).Comments);
    }

    [Fact]
    public async Task TheStandUpIsForTheTeamsManagers()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var otherManager = await context.Data.ManagerAsync(north);
        var admin = await context.Data.AdminAsync();
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui)), submit: true);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.GetAsync(rep, east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.GetAsync(otherManager, east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.GetCardAsync(otherManager, east.Id, plan.Id));
        Assert.Null(await context.Board.GetCardAsync(otherManager, north.Id, plan.Id)); // a plan id from another team finds nothing
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.CommentAsync(rep, plan.Id, "Self-praise"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.CommentAsync(otherManager, plan.Id, "Hello"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.SetRideAlongAsync(otherManager, plan.Visits[0].Id, join: true));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.RideAlongRequestsAsync(rep, east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Board.RideAlongRequestsAsync(otherManager, east.Id));
        Assert.Single((await context.Board.GetAsync(admin, east.Id)).Cards);
    }
}

public sealed class PlanSettingsServiceTests : IDisposable
{
    private readonly PlanTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task ATeamWithoutSettingsExpectsTheDefaultsAndPlansAreDueAtHalfPastNine()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);

        var settings = await context.Settings.GetAsync(rep, east.Id);

        Assert.Equal((4, 8, 1, new TimeOnly(9, 30)), (settings.ExpectedVisits, settings.ExpectedCalls, settings.ExpectedNewValidLeads, settings.PlanDueAt));
    }

    [Fact]
    public async Task AManagerSetsTheTeamsExpectationsAndDueTimeAndTheLateFlagFollows()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var settings = await context.Settings.GetAsync(manager, east.Id);
        settings.ExpectedVisits = 2;
        settings.PlanDueAt = new TimeOnly(8, 45);

        await context.Settings.UpdateAsync(manager, east.Id, settings);

        Assert.Equal((2, new TimeOnly(8, 45)), ((await context.Settings.GetAsync(rep, east.Id)).ExpectedVisits, (await context.Settings.GetAsync(rep, east.Id)).PlanDueAt));
        Assert.Equal(MorningPlanTopics.Settings, context.Bus.Published[^1].Topic);
        Assert.Equal(PlanState.Late, (await context.Plans.MyStatusAsync(rep, east.Id)).State); // 09:00 is after 08:45
        await Assert.ThrowsAsync<ConcurrentEditException>(() => context.Settings.UpdateAsync(manager, east.Id, new MorningPlanSettings { TeamId = east.Id }));
    }

    [Fact]
    public async Task RepsAndOtherTeamsManagersCannotChangeTheSettingsAndNegativeExpectationsAreRefused()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var otherManager = await context.Data.ManagerAsync(north);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Settings.UpdateAsync(rep, east.Id, new MorningPlanSettings { TeamId = east.Id }));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => context.Settings.UpdateAsync(otherManager, east.Id, new MorningPlanSettings { TeamId = east.Id }));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => context.Settings.UpdateAsync(manager, east.Id, new MorningPlanSettings { TeamId = east.Id, ExpectedCalls = -1 }));
        Assert.Equal("Validation_WholeNumber", invalid.MessageKeyFor(nameof(MorningPlanSettings.ExpectedCalls)));
    }
}
