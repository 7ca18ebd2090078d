using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

public class CustomerPanelsTests : ComponentTestContext
{
    public CustomerPanelsTests()
    {
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<SalesCockpit.Features.EveningReviews.JudgmentService>();
    }

    [Fact]
    public async Task TheActivityFeedShowsANewFollowUpWhenItsTopicArrivesAndIgnoresOtherTopics()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var pool = new CustomerPool(Database, Bus, Clock);
        var followUps = new FollowUpLog(Database, Bus, Clock);
        var customerId = await pool.CreateAsync(rep, east.Id, SalesCockpit.Tests.Features.Customers.CustomerServices.Input("Hangzhou Tea Works"));
        var panel = Render<ActivityFeedPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.TimeZoneId, east.TimeZoneId).Add(p => p.Viewer, manager));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=activity-item]")));

        await followUps.AddFollowUpAsync(rep, customerId, new FollowUpInput(Clock.GetUtcNow().UtcDateTime, FollowUpKind.Visit, "Visited the plant.", null, null, null), CancellationToken.None);
        var itemsBefore = panel.FindAll("[data-testid=activity-item]").Count;
        await Bus.PublishAsync(new TeamEvent(east.Id, TeamTopics.Members));
        Assert.Equal(itemsBefore, panel.FindAll("[data-testid=activity-item]").Count);

        await Bus.PublishAsync(new TeamEvent(east.Id, CustomerTopics.Record, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=activity-item]").Count));
        Assert.Contains("Hangzhou Tea Works", panel.Markup);
        Assert.Contains(rep.DisplayName, panel.Markup);
    }

    [Fact]
    public async Task AnotherTeamsManagerAndRepsCannotReadTheTeamWideFeed()
    {
        var east = await Data.TeamAsync();
        var north = await Data.TeamAsync();
        var directory = Services.GetRequiredService<CustomerDirectory>();

        await Assert.ThrowsAsync<TeamAccessDeniedException>(async () => await directory.TeamActivityAsync(await Data.ManagerAsync(north), east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(async () => await directory.TeamActivityAsync(await Data.RepAsync(east), east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(async () => await directory.StalledOpportunitiesAsync(Viewer.ForDisplay(9, new ViewerTeam(north.Id, north.Name, north.TimeZoneId, north.CurrencyCode)), east.Id));
    }

    [Fact]
    public async Task TheEmptyPanelsSaySoInsteadOfShowingNothing()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);

        var stalled = Render<StalledDealsPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));
        var flowBack = Render<FlowBackSoonPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));

        stalled.WaitForAssertion(() => Assert.Contains("No stalled opportunities.", stalled.Markup));
        flowBack.WaitForAssertion(() => Assert.Contains("No customer flows back in the next days.", flowBack.Markup));
    }

    [Theory]
    [InlineData("en-US", "CNY", "¥")]
    [InlineData("zh-CN", "CNY", "¥")]
    [InlineData("en-US", "USD", "$")]
    public async Task AStalledDealsAmountReadsInTheTeamsCurrencyInEitherLanguage(string culture, string currency, string symbol)
    {
        UseCulture(culture);
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await SalesCockpit.Tests.Features.MorningPlans.PlanTestContext.CustomerAsync(Database, Clock, east, rep, "Hengrui Machinery");
        await SalesCockpit.Tests.Features.EveningReviews.ReviewTestData.OpportunityAsync(Database, Clock, customer);

        var panel = Render<StalledDealsPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager).Add(p => p.CurrencyCode, currency));

        panel.WaitForAssertion(() => Assert.Contains(symbol, panel.Find("[data-testid=stalled-row]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(symbol == "$" ? "¥" : "$", panel.Find("[data-testid=stalled-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStalledDealWaitsForJudgmentUntilTheManagerJudgesIt()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await SalesCockpit.Tests.Features.MorningPlans.PlanTestContext.CustomerAsync(Database, Clock, east, rep, "Hengrui Machinery");
        var opportunity = await SalesCockpit.Tests.Features.EveningReviews.ReviewTestData.OpportunityAsync(Database, Clock, customer);
        var panel = Render<StalledDealsPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));
        panel.WaitForAssertion(() => Assert.Equal("false", panel.Find("[data-testid=stalled-row]").GetAttribute("data-judged")));

        await Services.GetRequiredService<SalesCockpit.Features.EveningReviews.JudgmentService>()
            .SaveAsync(manager, opportunity.Id, SalesCockpit.Tests.Features.EveningReviews.ReviewTestData.Judgment());

        panel.WaitForAssertion(() => Assert.Equal("true", panel.Find("[data-testid=stalled-row]").GetAttribute("data-judged")));
        Assert.Contains("Judged · action open", panel.Markup);
    }
}
