using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Customers.Pages;
using SalesCockpit.Features.EveningReviews.Pages;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Customers;

public class CustomerComponentTests : ComponentTestContext
{
    public CustomerComponentTests()
    {
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<CustomerPool>();
        Services.AddSingleton<CustomerNameMatches>();
        Services.AddSingleton<FollowUpLog>();
        Services.AddSingleton<PoolSettingsService>();
        Services.AddSingleton<CustomerImport>();
        Services.AddSingleton<CustomerExport>();
        Services.AddSingleton<SalesCockpit.Features.EveningReviews.JudgmentService>();
        Render<MudPopoverProvider>();
    }

    private CustomerPool Pool => Services.GetRequiredService<CustomerPool>();

    [Theory]
    [InlineData("en-US", "Required.")]
    [InlineData("zh-CN", "必填。")]
    public async Task TheNewCustomerFormShowsWhatIsWrongNextToTheFieldInTheUsersLanguage(string culture, string required)
    {
        UseCulture(culture);
        var team = await Data.TeamAsync();
        SignInAs(await Data.RepAsync(team));

        var page = Render<CustomerEditPage>();
        page.WaitForElement("form[data-testid=customer-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains(required, page.Find("[data-testid=field-name]").Closest(".mud-input-control")!.TextContent));
    }

    [Fact]
    public async Task CreatingADuplicateIsRefusedNamingTheColleagueWhoHoldsIt()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var colleague = await Data.RepAsync(team);
        await Pool.CreateAsync(colleague, team.Id, CustomerServices.Input("苏州恒瑞精密机械有限公司"));
        SignInAs(rep);

        var page = Render<CustomerEditPage>();
        page.WaitForElement("input[data-testid=field-name], [data-testid=field-name] input").Change("苏州 恒瑞精密机械");
        page.Find("form[data-testid=customer-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains($"already held by {colleague.DisplayName}", page.Find("[data-testid=duplicate]").TextContent));
        Assert.DoesNotContain("/customers/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSpellingOfATeamCustomerIsShownAsANearMatchAndSavingStillWorks()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var colleague = await Data.RepAsync(team);
        await Pool.CreateAsync(colleague, team.Id, CustomerServices.Input("瑞丰融资租赁（苏州）有限公司"));
        SignInAs(rep);

        var page = Render<CustomerEditPage>();
        var name = page.WaitForElement("input[data-testid=field-name], [data-testid=field-name] input");
        name.Change("苏州瑞丰");
        name.Blur();

        page.WaitForAssertion(() => Assert.Contains($"瑞丰融资租赁（苏州）有限公司 (held by {colleague.DisplayName})", page.Find("[data-testid=near-match]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=duplicate]"));
        page.Find("form[data-testid=customer-form]").Submit();
        page.WaitForAssertion(() => Assert.Contains("/customers/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewCustomerIsSavedIntoTheRepsPoolAndOpened()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        SignInAs(rep);

        var page = Render<CustomerEditPage>();
        page.WaitForElement("input[data-testid=field-name], [data-testid=field-name] input").Change("Hangzhou Yuanhang Foods Co., Ltd.");
        page.Find("form[data-testid=customer-form]").Submit();

        page.WaitForAssertion(() => Assert.Matches(@"/customers/\d+$", Services.GetRequiredService<NavigationManager>().Uri));
        var mine = await Services.GetRequiredService<CustomerDirectory>().ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine));
        Assert.Equal("Hangzhou Yuanhang Foods Co., Ltd.", Assert.Single(mine.Rows).Name);
    }

    [Fact]
    public async Task AFollowUpAppearsInTheTimelineAndResetsTheCountdown()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var id = await Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Timeline Ltd"));
        Clock.Advance(TimeSpan.FromDays(4));
        SignInAs(rep);

        var page = Render<CustomerPage>(parameters => parameters.Add(component => component.CustomerId, id));
        page.WaitForAssertion(() => Assert.Equal("11", page.Find("[data-testid=countdown]").GetAttribute("data-days")));
        page.Find("textarea[data-testid=follow-up-content], [data-testid=follow-up-content] textarea").Change("Met the CFO: budget approved for Q1, wants a phased rollout.");
        page.Find("[data-testid=follow-up-form] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("budget approved for Q1", page.Find("[data-testid=timeline]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("15", page.Find("[data-testid=countdown]").GetAttribute("data-days")));
        // The emptied form is ready for the next follow-up, not red with "required".
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=follow-up-form] .mud-input-error")));

        // ...and an empty second one is still refused next to the field.
        page.Find("[data-testid=follow-up-form] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Required.", page.Find("[data-testid=follow-up-form]").TextContent));
    }

    [Fact]
    public async Task AnEmptyFollowUpIsRefusedNextToTheField()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var id = await Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Empty Follow-up Ltd"));
        SignInAs(rep);

        var page = Render<CustomerPage>(parameters => parameters.Add(component => component.CustomerId, id));
        page.WaitForElement("[data-testid=follow-up-form] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Required.", page.Find("[data-testid=follow-up-form]").TextContent));
        Assert.Empty(await Services.GetRequiredService<CustomerDirectory>().TimelineAsync(rep, id) is var timeline ? timeline.Where(entry => entry.Kind == TimelineEntryKind.FollowUp) : []);
    }

    [Fact]
    public async Task AnotherTeamsCustomerLooksLikeNotFound()
    {
        var east = await Data.TeamAsync();
        var north = await Data.TeamAsync();
        var id = await Pool.CreateAsync(await Data.RepAsync(east), east.Id, CustomerServices.Input("Secret East Customer Ltd"));
        SignInAs(await Data.RepAsync(north));

        var page = Render<CustomerPage>(parameters => parameters.Add(component => component.CustomerId, id));

        page.WaitForAssertion(() => page.Find("[data-testid=not-found]"));
        Assert.DoesNotContain("Secret East", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFollowUpExportOffersTheLast30DaysOfTheTeamsCalendarAndRefusesAPeriodOverAYear()
    {
        UseCulture("en-US");
        // 17:30 UTC on 26 Nov is 01:30 on 27 Nov in Shanghai: "today" is the 27th.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 17, 30, 0, TimeSpan.Zero));
        var team = await Data.TeamAsync();
        SignInAs(await Data.RepAsync(team));

        var page = Render<MyCustomersPage>();

        var xlsx = page.WaitForElement("[data-testid=follow-up-export-xlsx]");
        Assert.Equal($"/customers/follow-ups.xlsx?team={team.Id}&from=2026-10-29&to=2026-11-27", xlsx.GetAttribute("href"));
        Assert.Equal($"/customers/follow-ups.csv?team={team.Id}&from=2026-10-29&to=2026-11-27", page.Find("[data-testid=follow-up-export-csv]").GetAttribute("href"));
        Assert.Contains("Follow-ups on the customers you hold", page.Find("[data-testid=follow-up-export]").TextContent, StringComparison.Ordinal);

        var picker = page.FindComponent<MudDateRangePicker>();
        await page.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2025, 11, 1), new DateTime(2026, 11, 27))));

        page.WaitForAssertion(() => Assert.Contains("span at most 366 days", page.Find("[data-testid=follow-up-export]").TextContent, StringComparison.Ordinal));
        Assert.Null(page.Find("[data-testid=follow-up-export-xlsx]").GetAttribute("href"));
        Assert.Null(page.Find("[data-testid=follow-up-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task AManagerIsToldTheExportHoldsTheWholeTeamsFollowUpsInChinese()
    {
        UseCulture("zh-CN");
        var team = await Data.TeamAsync();
        SignInAs(await Data.ManagerAsync(team));

        var page = Render<TeamCustomersPage>();

        page.WaitForAssertion(() => Assert.Contains("团队在该期间记录的全部跟进", page.Find("[data-testid=follow-up-export]").TextContent, StringComparison.Ordinal));
        Assert.Contains("导出 Excel", page.Find("[data-testid=follow-up-export-xlsx]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChecklistShowsWhatAValidLeadStillNeeds()
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var id = await Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Checklist Ltd", contacts: new ContactInput("Boss", "CEO", null, null, true)));
        await Pool.SetCriterionAsync(rep, id, CustomerPoolSettings.NeedConfirmedCriterion, true);
        SignInAs(rep);

        var page = Render<CustomerPage>(parameters => parameters.Add(component => component.CustomerId, id));

        page.WaitForAssertion(() => Assert.Equal("Still missing: Budget range known", page.Find("[data-testid=missing]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=promote]"));
    }

    [Fact]
    public async Task AnAdminSeesAnotherTeamsStalledDealsInThatTeamsCurrencyAndAnUnknownTeamIsNotFound()
    {
        var west = await Data.TeamAsync(timeZoneId: "America/Los_Angeles");
        await using (var db = await Database.CreateDbContextAsync())
        {
            await db.Set<Team>().Where(team => team.Id == west.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(team => team.CurrencyCode, "USD"));
        }

        var customer = await SalesCockpit.Tests.Features.MorningPlans.PlanTestContext.CustomerAsync(Database, Clock, west, await Data.RepAsync(west), "Pacific Robotics Inc.");
        await SalesCockpit.Tests.Features.EveningReviews.ReviewTestData.OpportunityAsync(Database, Clock, customer);
        SignInAs(await Data.AdminAsync());
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo($"/customers/stalled?team={west.Id}");
        var page = Render<StalledOpportunitiesPage>();

        page.WaitForAssertion(() => Assert.Contains(TeamMoney.FormatCents(12_000_000, "USD"), page.Find("[data-testid=stalled-table]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Pacific Robotics Inc.", page.Find("[data-testid=stalled-table]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("¥", page.Find("[data-testid=stalled-table]").TextContent, StringComparison.Ordinal);

        navigation.NavigateTo($"/customers/stalled?team={west.Id + 1000}");
        var unknown = Render<StalledOpportunitiesPage>();

        unknown.WaitForAssertion(() => unknown.Find("[data-testid=not-found]"));
        Assert.Empty(unknown.FindAll("[data-testid=stalled-table]"));
    }
}
