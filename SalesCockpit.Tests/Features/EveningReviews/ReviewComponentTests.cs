using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.EveningReviews.Components;
using SalesCockpit.Features.EveningReviews.Pages;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Features.EveningReviews;

/// <summary>The rep's review form, the manager's judgment form, and the board's evening-reviews panel.</summary>
public class ReviewComponentTests : ReviewComponentTestContext
{
    [Fact]
    public async Task TheReviewFormStartsFromTheDaysFactsAndAsksWhyAMissedVisitDidNotHappen()
    {
        var (east, rep, sheet) = await PlannedDayAsync();
        var submitted = new List<ReviewView>();
        var form = RenderWithProviders<ReviewForm>(parameters => parameters
            .Add(p => p.Viewer, rep).Add(p => p.Sheet, sheet).Add(p => p.OnSubmitted, review => submitted.Add(review)));

        Assert.Equal(["happened", "missed"], form.FindAll("[data-testid=planned-item]").Select(item => item.GetAttribute("data-outcome")));
        Assert.Contains("1/2 planned done", form.Find("[data-testid=happened-count]").TextContent);
        Assert.Single(form.FindAll("input[data-testid=missed-reason]"));

        form.Find("textarea[data-testid=review-wins]").Change("Alpha liked the demo");
        form.Find("textarea[data-testid=review-lesson]").Change("Show them their own data");
        form.Find("[data-testid=review-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Say why this did not happen.", form.Find("[data-testid=planned-item][data-outcome=missed]").TextContent));
        Assert.Empty(submitted);

        form.Find("input[data-testid=missed-reason]").Change("They moved the meeting to Monday");
        form.Find("[data-testid=review-submit]").Click();

        form.WaitForAssertion(() => Assert.Single(submitted));
        Assert.Equal("They moved the meeting to Monday", Assert.Single(submitted[0].MissedReasons).Value);
        Assert.NotNull((await Plans.GetMineAsync(rep, east.Id, Thursday))!.LockedAt);
    }

    [Fact]
    public async Task TheReviewFormSaysWhatIsMissingInChinese()
    {
        UseCulture("zh-CN");
        var (_, rep, sheet) = await PlannedDayAsync();
        var form = RenderWithProviders<ReviewForm>(parameters => parameters.Add(p => p.Viewer, rep).Add(p => p.Sheet, sheet));

        form.Find("[data-testid=review-submit]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("请说明没有完成的原因。", form.Find("[data-testid=planned-item][data-outcome=missed]").TextContent);
            Assert.Contains("请写下收获或遇到的问题。", form.Markup);
            Assert.Contains("请写一条与团队分享的经验或心得。", form.Markup);
        });
    }

    [Fact]
    public async Task TheJudgmentFormShowsWhatTheRecordsSayBesideEachPointAndNeedsANextActionWithADate()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var opportunity = await OpportunityAsync(customer);
        await ReviewTestData.FollowUpAsync(Database, customer, rep, Clock.GetUtcNow().UtcDateTime.AddDays(-12), "Sent the price list");
        var sheet = await Judgments.GetAsync(manager, opportunity.Id);
        var form = RenderWithProviders<JudgmentForm>(parameters => parameters.Add(p => p.Viewer, manager).Add(p => p.Sheet, sheet));

        Assert.Contains("has passed", form.Find("[data-testid=point-season] [data-testid=point-fact]").TextContent);
        Assert.Contains("no contact is marked decision maker.", form.Find("[data-testid=point-decision-maker] [data-testid=point-fact]").TextContent);
        Assert.Contains("budget or price appears in the follow-ups.", form.Find("[data-testid=point-afford] [data-testid=point-fact]").TextContent);
        Assert.Contains("last follow-up 12 days ago · 40 days in the current stage", form.Find("[data-testid=point-doubts] [data-testid=point-fact]").TextContent);

        form.Find("[data-testid=judgment-save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("End with a concrete next action for the rep.", form.Markup);
            Assert.Contains("Give the next action a date.", form.Markup);
        });

        form.Find("textarea[data-testid=judgment-action]").Change("Meet the CFO");
        form.Find("[data-testid=judgment-save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.DoesNotContain("End with a concrete next action for the rep.", form.Markup);
            Assert.Contains("Give the next action a date.", form.Markup);
        });
        await using var db = await Database.CreateDbContextAsync();
        Assert.False(await db.Set<DealJudgment>().AnyAsync());
    }

    [Fact]
    public async Task TheJudgmentFormSavesAChangedNextAction()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var opportunity = await OpportunityAsync(await CustomerAsync(east, rep, "Hengrui Machinery"));
        await Judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment());
        var sheet = await Judgments.GetAsync(manager, opportunity.Id);
        var saved = 0;
        var form = RenderWithProviders<JudgmentForm>(parameters => parameters.Add(p => p.Viewer, manager).Add(p => p.Sheet, sheet).Add(p => p.OnSaved, () => saved++));

        Assert.Equal("Meet the CFO with a phased price", form.Find("textarea[data-testid=judgment-action]").GetAttribute("value"));
        form.Find("textarea[data-testid=judgment-action]").Change("Bring the CFO a reference customer");
        form.Find("[data-testid=judgment-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(1, saved));
        Assert.Equal("Bring the CFO a reference customer", (await Judgments.GetAsync(manager, opportunity.Id)).Judgment!.NextAction);
    }

    [Fact]
    public async Task TheJudgmentPageDatesFollowUpsInTheTeamsTimeZone()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await CustomerAsync(east, rep, "Hengrui Machinery");
        var opportunity = await OpportunityAsync(customer);
        // 07:00 on Friday 20 November in Shanghai is still Thursday the 19th in UTC.
        await ReviewTestData.FollowUpAsync(Database, customer, rep, PlanTestContext.Shanghai(new DateOnly(2026, 11, 20), 7), "Early call with IT");
        SignInAs(manager);

        var page = RenderWithProviders<JudgmentPage>(parameters => parameters.Add(p => p.OpportunityId, opportunity.Id));

        page.WaitForAssertion(() => Assert.StartsWith("11/20/2026", page.Find("[data-testid=recent-follow-up]").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTeamsManagerSetsTheReviewDueTimeFromTheShareOutBoardAndAMorningTimeIsRefused()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        SignInAs(manager);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ShareOutPage>(parameters => parameters.Add(p => p.TeamId, east.Id));
        page.WaitForAssertion(() => Assert.Contains("reviews due 19:00", page.Markup));

        page.Find("[data-testid=shareout-settings]").Click();
        dialogs.WaitForElement("input[data-testid=review-settings-due]").Change("09:00");
        dialogs.Find("[data-testid=review-settings-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Choose a time from 12:00 on: reviews are written at the end of the day.", dialogs.Markup));
        Assert.Equal(new TimeOnly(19, 0), (await Services.GetRequiredService<ShareOutService>().GetSettingsAsync(manager, east.Id)).ReviewDueAt);

        dialogs.Find("input[data-testid=review-settings-due]").Change("20:30");
        dialogs.Find("[data-testid=review-settings-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("reviews due 20:30", page.Markup));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=review-settings-save]")));
    }

    [Fact]
    public async Task ARepSeesNoShareOutSettings()
    {
        var east = await Data.TeamAsync();
        SignInAs(await Data.RepAsync(east));
        var page = RenderWithProviders<ShareOutPage>(parameters => parameters.Add(p => p.TeamId, east.Id));

        page.WaitForElement("[data-testid=share-out]");
        Assert.Empty(page.FindAll("[data-testid=shareout-settings]"));
    }

    [Fact]
    public async Task TheBoardPanelShowsSubmittedLateAndHelpRequestsAndReloadsOnlyOnItsOwnTopics()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var helped = await Data.RepAsync(east);
        var late = await Data.RepAsync(east);
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 19, 30, 0, TimeSpan.FromHours(8)));
        await Reviews.SubmitAsync(helped, east.Id, Thursday, new ReviewInput("Good day", null, "Ask for the budget early", "Join me at Hengrui on Monday", new Dictionary<int, string?>(), Guid.Empty));
        var panel = Render<EveningReviewsPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));

        panel.WaitForAssertion(() => Assert.Contains("1/2 submitted", panel.Find("[data-testid=reviews-submitted]").TextContent));
        Assert.Contains("1 late", panel.Find("[data-testid=reviews-late]").TextContent);
        Assert.Contains("Join me at Hengrui on Monday", panel.Find("[data-testid=panel-help]").TextContent);
        var missing = panel.Find("[data-testid=panel-missing]").TextContent;
        Assert.Contains(late.DisplayName, missing);
        Assert.Contains("Late (due 19:00)", missing);

        // Written without the service, so no event: only a topic of the panel's makes it look again.
        await using (var db = await Database.CreateDbContextAsync())
        {
            db.Add(new EveningReview { TeamId = east.Id, RepId = late.UserId, Day = Thursday, SubmittedAt = Clock.GetUtcNow().UtcDateTime, Wins = "Late but done" });
            await db.SaveChangesAsync();
        }

        await panel.InvokeAsync(() => Bus.PublishAsync(new TeamEvent(east.Id, CustomerTopics.Record)));
        Assert.Contains("1/2 submitted", panel.Find("[data-testid=reviews-submitted]").TextContent);
        await panel.InvokeAsync(() => Bus.PublishAsync(new TeamEvent(east.Id, EveningReviewTopics.Review)));
        panel.WaitForAssertion(() => Assert.Contains("2/2 submitted", panel.Find("[data-testid=reviews-submitted]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=panel-missing]"));
    }

    /// <summary>A rep's submitted plan for Thursday with two visits, of which only the first happened.</summary>
    private async Task<(Team Team, Viewer Rep, ReviewSheet Sheet)> PlannedDayAsync()
    {
        var east = await Data.TeamAsync();
        var rep = await Data.RepAsync(east);
        var done = await CustomerAsync(east, rep, "Alpha Trading");
        var missed = await CustomerAsync(east, rep, "Beta Foods");
        await Plans.SaveAsync(rep, east.Id, Thursday, PlanTestContext.Input("Two demos", PlanTestContext.VisitTo(done), PlanTestContext.VisitTo(missed)), submit: true);
        await ReviewTestData.FollowUpAsync(Database, done, rep, PlanTestContext.Shanghai(Thursday, 8));
        SignInAs(rep);
        return (east, rep, await Reviews.GetSheetAsync(rep, east.Id, Thursday));
    }
}
