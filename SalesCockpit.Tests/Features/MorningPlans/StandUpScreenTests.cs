using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.MorningPlans.Components;
using SalesCockpit.Features.MorningPlans.Pages;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using static SalesCockpit.Tests.Features.MorningPlans.PlanTestContext;

namespace SalesCockpit.Tests.Features.MorningPlans;

public class RepCardTests : PlanComponentTestContext
{
    private static readonly MorningPlanSettings Expectations = new() { ExpectedVisits = 4, ExpectedCalls = 8, ExpectedNewValidLeads = 1 };

    private IRenderedComponent<RepCard> RenderCard(Viewer manager, RepCardView card, PlanState state) =>
        RenderWithProviders<RepCard>(parameters => parameters
            .Add(component => component.Card, card)
            .Add(component => component.State, state)
            .Add(component => component.Settings, Expectations)
            .Add(component => component.TimeZoneId, "Asia/Shanghai")
            .Add(component => component.Viewer, manager));

    [Fact]
    public async Task ASubmittedPlanShowsItsGoalsVisitsAndNumbersAgainstTheTeamsExpectations()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var plan = await Plans.SaveAsync(rep, east.Id, Thursday, Input("Book the demo", VisitTo(customer, "Demo the reconciliation")), submit: true);

        var card = RenderCard(manager, new RepCardView(rep.UserId, rep.DisplayName, false, plan), PlanState.Submitted);

        Assert.Equal("submitted", card.Find("[data-testid=rep-card]").GetAttribute("data-state"));
        Assert.Contains("09:00", card.Find("[data-testid=plan-status]").TextContent);
        Assert.Equal("Book the demo", card.Find("[data-testid=rep-goals]").TextContent);
        Assert.Contains("Hengrui Machinery", card.Find("[data-testid=rep-visit]").TextContent);
        var numbers = card.FindAll("[data-testid=rep-number]");
        Assert.Equal(["3/4Visits", "8/8Calls", "1/1Newvalidleads"], numbers.Select(number => number.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim()));
        Assert.Contains("below", numbers[0].ClassList);
    }

    [Fact]
    public async Task ARepWithoutAPlanIsShownLateOnceTheDueTimeHasPassed()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);

        var card = RenderCard(manager, new RepCardView(rep.UserId, rep.DisplayName, HasDraft: false, Plan: null), PlanState.Late);

        Assert.Equal("late", card.Find("[data-testid=rep-card]").GetAttribute("data-state"));
        Assert.Equal("LATE", card.Find("[data-testid=plan-status]").TextContent.Trim());
        Assert.Equal("No plan yet", card.Find("[data-testid=rep-empty]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=rep-comment]"));
    }

    [Fact]
    public async Task EditsAfterSubmissionShowOnTheCard()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);
        var first = await CustomerAsync(east, rep, "First Co");
        var second = await CustomerAsync(east, rep, "Second Co");
        var submitted = await Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(first)), submit: true);
        Clock.Advance(TimeSpan.FromMinutes(42));
        var edited = await Plans.SaveAsync(rep, east.Id, Thursday, new PlanInput("Goals", null, 2, 8, 1, [VisitTo(second)], [], submitted.Version), submit: false);

        var card = RenderCard(manager, new RepCardView(rep.UserId, rep.DisplayName, false, edited), PlanState.Submitted);

        Assert.Contains("09:42", card.Find("[data-testid=plan-edited]").TextContent);
        Assert.Contains("was 3", card.FindAll("[data-testid=rep-number]")[0].TextContent);
        var visits = card.FindAll("[data-testid=rep-visit]");
        Assert.Contains("added later", visits[0].TextContent);
        Assert.Contains("removed", visits[1].ClassList);
    }

    [Fact]
    public void ACardsExtraLinesTakeVisitLinesSoThatARowKeepsItsHeight()
    {
        var plan = new PlanView(1, 1, "rep", "Rep", Thursday, "Goals", null, new Commitment(3, 8, 1), null, [], [], [], null, null, null, PlanEditability.Editable, Guid.Empty);
        var comment = new PlanCommentView(1, "manager", "Manager", "Well done", DateTime.UtcNow);

        Assert.Equal(4, RepCard.VisitLines(plan));
        Assert.Equal(4, RepCard.VisitLines(plan with { Stretch = "Five extra calls" }));
        Assert.Equal(3, RepCard.VisitLines(plan with { Stretch = "Five extra calls", Comments = [comment] }));
        Assert.Equal(2, RepCard.VisitLines(plan with { Stretch = "Five extra calls", Comments = [comment], EditedAfterSubmitAt = DateTime.UtcNow }));
        Assert.Equal(RepCard.DenseVisitLines, RepCard.VisitLines(plan, dense: true));
    }

    [Fact]
    public async Task TheManagerMarksAVisitToJoinFromTheCard()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var plan = await Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer), VisitTo(customer, "Call back", PlannedVisitKind.Call)), submit: true);
        var card = RenderCard(manager, new RepCardView(rep.UserId, rep.DisplayName, false, plan), PlanState.Submitted);

        var join = Assert.Single(card.FindAll("[data-testid=rep-visit-join]")); // calls cannot be joined
        await join.ClickAsync(new());

        var request = Assert.Single(await Board.RideAlongRequestsAsync(manager, east.Id));
        Assert.Equal((plan.Visits[0].Id, manager.UserId), (request.PlannedVisitId, request.ManagerId));
    }
}

public class StandUpPageTests : PlanComponentTestContext
{
    // The ride-along feature turns marks into ride-alongs and lists today's: the stand-up shows that list.
    public StandUpPageTests() => Services.AddRideAlongs();

    [Fact]
    public async Task APlanSubmittedByARepAppearsOnTheStandUpWithoutReload()
    {
        var east = await Data.TeamAsync("East");
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var teammate = await Data.RepAsync(east);
        SignInAs(manager);
        var page = RenderWithProviders<StandUpPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=rep-card]").Count));
        Assert.Contains("0/2", page.Find("[data-testid=stat-submitted]").TextContent.Replace(" ", "", StringComparison.Ordinal));

        await Plans.SaveAsync(rep, east.Id, Thursday, Input("Two demos before noon"), submit: true);

        page.WaitForAssertion(() => Assert.Contains("1/2", page.Find("[data-testid=stat-submitted]").TextContent.Replace(" ", "", StringComparison.Ordinal)));
        var card = page.FindAll("[data-testid=rep-card]").Single(candidate => candidate.TextContent.Contains(rep.DisplayName, StringComparison.Ordinal));
        Assert.Equal("Two demos before noon", card.QuerySelector("[data-testid=rep-goals]")!.TextContent);
        Assert.Contains("3/8", page.Find("[data-testid=total-visits]").TextContent.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain(teammate.DisplayName, card.TextContent);
    }

    [Fact]
    public async Task RepsWithoutAPlanTurnLateAtTheDueTimeWithoutReload()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var early = await Data.RepAsync(east);
        await Plans.SaveAsync(early, east.Id, Thursday, Input(), submit: true);
        SignInAs(manager);
        var page = RenderWithProviders<StandUpPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        page.WaitForAssertion(() => Assert.Equal(["pending", "submitted"], page.FindAll("[data-testid=rep-card]").Select(card => card.GetAttribute("data-state")!).Order()));

        Clock.Advance(TimeSpan.FromMinutes(30)); // 09:30 in Shanghai

        page.WaitForAssertion(() => Assert.Equal(["late", "submitted"], page.FindAll("[data-testid=rep-card]").Select(card => card.GetAttribute("data-state")!).Order()));
        Assert.Contains("1 late", page.Find("[data-testid=stat-submitted]").TextContent);
        Assert.DoesNotContain(rep.DisplayName, page.FindAll("[data-testid=rep-card]").Single(card => card.GetAttribute("data-state") == "submitted").TextContent);
    }

    [Fact]
    public async Task TodaysRideAlongsAreListedAsTheyAreMarkedFromTheRideAlongFeaturesList()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var plan = await Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(customer)), submit: true);
        SignInAs(manager);
        var page = RenderWithProviders<StandUpPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        page.WaitForElement("[data-testid=rep-visit-join]");
        Assert.Empty(page.FindAll("[data-testid=ride-along]"));

        await Board.SetRideAlongAsync(manager, plan.Visits[0].Id, join: true);

        page.WaitForAssertion(() => Assert.Contains("Hengrui Machinery", page.Find("[data-testid=ride-along]").TextContent));
        Assert.Contains("10:00", page.Find("[data-testid=ride-along]").TextContent);
        var scheduled = Assert.Single((await Services.GetRequiredService<RideAlongScheduler>().TodayAsync(manager, east.Id)).RideAlongs);
        Assert.Equal("Hengrui Machinery", scheduled.CustomerName);
    }

    [Fact]
    public async Task RepsAndOtherTeamsManagersFindNoStandUp()
    {
        var east = await Data.TeamAsync("East");
        var north = await Data.TeamAsync("North");
        var rep = await Data.RepAsync(east);
        SignInAs(rep);
        var asRep = RenderWithProviders<StandUpPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        asRep.WaitForElement("[data-testid=not-found]");
        Assert.DoesNotContain(rep.DisplayName, asRep.Markup);

        SignInAs(await Data.ManagerAsync(north));
        var asOtherManager = Render<StandUpPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        asOtherManager.WaitForElement("[data-testid=not-found]");
        Assert.DoesNotContain("East", asOtherManager.Markup);
    }
}

public class PlanReminderTests : PlanComponentTestContext
{
    [Fact]
    public async Task ARepIsRemindedOnceThePlanIsLateAndNoLongerAfterSubmittingIt()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var reminder = RenderWithProviders<PlanReminder>(parameters => parameters.Add(component => component.Viewer, rep));
        Assert.Empty(reminder.FindAll("[data-testid=plan-reminder]"));

        Clock.Advance(TimeSpan.FromMinutes(30));
        reminder.WaitForAssertion(() => Assert.Contains("09:30", reminder.Find("[data-testid=plan-reminder]").TextContent));

        await Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);
        reminder.WaitForAssertion(() => Assert.Empty(reminder.FindAll("[data-testid=plan-reminder]")));
    }

    [Fact]
    public async Task TheRepSeesTheManagersCommentAtOnceWhereverTheyAreInTheApp()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);
        var plan = await Plans.SaveAsync(rep, east.Id, Thursday, Input(), submit: true);
        var reminder = RenderWithProviders<PlanReminder>(parameters => parameters.Add(component => component.Viewer, rep));
        // Loaded (its timer shows once the plan's status is in): a comment is matched to the plan it has read.
        reminder.WaitForState(() => reminder.FindComponents<PlanTimer>().Count > 0);

        await Board.CommentAsync(manager, plan.Id, "Confirm the decision maker first.");

        Snackbars.WaitForAssertion(() => Assert.Contains($"{manager.DisplayName} on your plan: Confirm the decision maker first.", Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManagersAreNotReminded()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        Clock.Advance(TimeSpan.FromHours(2));

        var reminder = RenderWithProviders<PlanReminder>(parameters => parameters.Add(component => component.Viewer, manager));

        Assert.Empty(reminder.Markup.Trim());
    }
}

public class PlanTimerTests : PlanComponentTestContext
{
    [Fact]
    public void CallsBackAtTheInstantEvenWhenItIsMoreThanOneTimerStepAway()
    {
        var elapsed = 0;
        var at = Clock.GetUtcNow().UtcDateTime.AddHours(25); // a day with a daylight-saving change is 25 hours long
        Render<PlanTimer>(parameters => parameters.Add(component => component.At, at).Add(component => component.OnElapsed, () => elapsed++));

        Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(0, elapsed);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, elapsed);
    }
}
