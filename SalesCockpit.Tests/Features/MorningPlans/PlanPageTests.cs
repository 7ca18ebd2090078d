using Bunit;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.MorningPlans.Pages;

namespace SalesCockpit.Tests.Features.MorningPlans;

public class PlanPageTests : PlanComponentTestContext
{
    [Fact]
    public async Task SubmittingAnIncompletePlanSaysWhatIsMissingInTheUsersLanguage()
    {
        var east = await Data.TeamAsync();
        SignInAs(await Data.RepAsync(east));
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("[data-testid=plan-submit]");

        page.Find("[data-testid=add-visit]").Click();
        page.Find("[data-testid=plan-submit]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Write today's goals before submitting.", page.Markup);
            Assert.Contains("Choose a customer from your pool, or type a new prospect's name.", page.Markup);
            Assert.Contains("What is the visit for? A purpose is required.", page.Markup);
        });
        await using var db = await Database.CreateDbContextAsync();
        Assert.False(await db.Set<MorningPlan>().AnyAsync());
    }

    [Fact]
    public async Task TheSameMessagesInChinese()
    {
        UseCulture("zh-CN");
        var east = await Data.TeamAsync();
        SignInAs(await Data.RepAsync(east));
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("[data-testid=plan-submit]");

        page.Find("[data-testid=plan-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("提交前请写下今日目标。", page.Markup));
        Assert.Contains("今日计划", page.Find("[data-testid=plan-title]").TextContent);
    }

    [Fact]
    public async Task AnAcceptedSuggestionBecomesAPlannedVisitAndTheSubmittedPlanSaysSo()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery", nextFollowUpOn: Thursday);
        SignInAs(rep);
        var page = RenderWithProviders<PlanPage>();
        page.WaitForAssertion(() => Assert.Contains("Hengrui Machinery", page.Find("[data-testid=suggestion]").TextContent));

        page.Find("[data-testid=suggestion-accept]").Click();
        page.Find("textarea[data-testid=plan-goals]").Change("Book the demo at Hengrui");
        // The follow-up had no next step to use as a purpose: the rep writes one (the visit shows once accepting has finished).
        page.WaitForAssertion(() => page.Find("[data-testid=visit-edit]"));
        page.Find("[data-testid=visit-edit]").Click();
        page.Find("input[data-testid=visit-purpose]").Change("Book the demo");
        page.Find("[data-testid=plan-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("submitted", page.Find("[data-testid=plan-status]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-testid=suggestion]"));
        var plan = (await Plans.GetMineAsync(rep, east.Id, Thursday))!;
        var visit = Assert.Single(plan.Visits);
        Assert.Equal((customer.Id, "Book the demo", $"followup:{customer.Id}:2026-11-26"), (visit.CustomerId!.Value, visit.Purpose, visit.SuggestionKey!));
        Assert.Equal("Book the demo at Hengrui", plan.Goals);
    }

    [Fact]
    public async Task ADismissedSuggestionIsGoneAndStaysGoneOnceSaved()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        await CustomerAsync(east, rep, "Hengrui Machinery", nextFollowUpOn: Thursday);
        SignInAs(rep);
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("[data-testid=suggestion]");

        page.Find("[data-testid=suggestion-dismiss]").Click();
        page.Find("[data-testid=plan-save-draft]").Click();

        page.WaitForAssertion(() => Assert.Contains("Draft, not submitted", page.Find("[data-testid=plan-status]").TextContent));
        var again = RenderWithProviders<PlanPage>();
        again.WaitForElement("[data-testid=suggestions-empty]");
        Assert.Empty(again.FindAll("[data-testid=suggestion]"));
    }

    [Fact]
    public async Task ALockedPlanIsShownReadOnly()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        await Plans.SaveAsync(rep, east.Id, Thursday, PlanTestContext.Input("Close two deals"), submit: true);
        await Plans.LockAsync(rep, east.Id, rep.UserId, Thursday);
        SignInAs(rep);

        var page = RenderWithProviders<PlanPage>();

        page.WaitForAssertion(() => Assert.Contains("the evening review for the day is in", page.Find("[data-testid=plan-read-only]").TextContent, StringComparison.Ordinal));
        page.Find("[data-testid=plan-locked]");
        Assert.Empty(page.FindAll("[data-testid=plan-submit], [data-testid=plan-save-changes], [data-testid=suggestions]"));
    }

    [Fact]
    public async Task TheManagersCommentAndRideAlongMarkAppearWithoutReloadAndKeepUnsavedEdits()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var manager = await Data.ManagerAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var plan = await Plans.SaveAsync(rep, east.Id, Thursday, PlanTestContext.Input("Close two deals", PlanTestContext.VisitTo(customer)), submit: true);
        SignInAs(rep);
        var page = RenderWithProviders<PlanPage>();
        page.WaitForElement("[data-testid=plan-save-changes]");
        page.Find("textarea[data-testid=plan-goals]").Change("Close three deals");

        await Board.CommentAsync(manager, plan.Id, "Confirm the decision maker first.");
        await Board.SetRideAlongAsync(manager, plan.Visits[0].Id, join: true);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Confirm the decision maker first.", page.Find("[data-testid=plan-comments]").TextContent);
            Assert.Contains(manager.DisplayName, page.Find("[data-testid=visit-ride-along]").TextContent);
        });
        Assert.Equal("Close three deals", page.Find("textarea[data-testid=plan-goals]").GetAttribute("value"));
    }

    [Fact]
    public async Task ManagersAreToldThatRepsMakePlans()
    {
        var east = await Data.TeamAsync();
        SignInAs(await Data.ManagerAsync(east));

        var page = RenderWithProviders<PlanPage>();

        page.WaitForElement("[data-testid=plan-reps-only]");
    }
}
