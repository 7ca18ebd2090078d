using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public sealed class TargetsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ARepMarksADealWonAndTheManagersLeaderboardChangesWithoutReload()
    {
        var rep = await CustomersBrowserTests.ViewerAsync(fixture, "rep1@demo.local");
        var teamId = rep.PrimaryTeam!.Id;
        var customerId = await OpportunityAsync(rep, $"Leaderboard Live {Guid.NewGuid():N}"[..26], 88_000m);
        var before = await RevenueAsync(rep, teamId);

        var manager = await fixture.OpenAsync("manager@demo.local", width: 1920, height: 1080);
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/heroes");
        await manager.GetByTestId("leaderboard").GetByRole(AriaRole.Tab, new() { Name = "Won revenue" }).ClickAsync();
        var repRow = manager.Locator($"[data-testid=leaderboard-row][data-rep=\"{rep.DisplayName}\"]");
        await Assertions.Expect(repRow.GetByTestId("leaderboard-actual")).ToHaveTextAsync(TeamMoney.FormatCents(before, TeamMoney.DefaultCurrency));
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var repPage = await fixture.OpenAsync("rep1@demo.local");
        await BrowserFixture.GoToAsync(repPage, $"/customers/{customerId}");
        await repPage.GetByTestId("more").ClickAsync();
        await repPage.GetByRole(AriaRole.Menuitem, new() { Name = "Mark as won" }).ClickAsync();
        await repPage.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(repRow.GetByTestId("leaderboard-actual")).ToHaveTextAsync(TeamMoney.FormatCents(before + 88_000_00, TeamMoney.DefaultCurrency));
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(manager, "heroes-live-en-US-1920");
        await repPage.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task AnotherTeamsHeroesAndTargetsLookLikeNotFound()
    {
        var north = await CustomersBrowserTests.ViewerAsync(fixture, "north.rep1@demo.local");
        var page = await fixture.OpenAsync("rep1@demo.local");

        await BrowserFixture.GoToAsync(page, $"/teams/{north.PrimaryTeam!.Id}/heroes");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await BrowserFixture.GoToAsync(page, $"/teams/{north.PrimaryTeam!.Id}/heroes/wall");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await BrowserFixture.GoToAsync(page, $"/teams/{(await CustomersBrowserTests.ViewerAsync(fixture, "rep1@demo.local")).PrimaryTeam!.Id}/targets/set");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<int> OpportunityAsync(Viewer rep, string name, decimal amount)
    {
        var pool = fixture.App.GetService<CustomerPool>();
        var id = await pool.CreateAsync(rep, rep.PrimaryTeam!.Id, new CustomerInput(
            name, null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Inbound, null, CustomerLevel.Standard, null,
            [new ContactInput("王建国", "总经理 General Manager", null, null, true)]));
        await pool.SetCriterionAsync(rep, id, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await pool.SetCriterionAsync(rep, id, CustomerPoolSettings.BudgetKnownCriterion, true);
        await pool.PromoteToValidLeadAsync(rep, id);
        await fixture.App.GetService<FollowUpLog>().AddOpportunityAsync(rep, id, new OpportunityInput("Annual subscription", amount, OpportunityStage.Negotiation, null));
        return id;
    }

    private async Task<long> RevenueAsync(Viewer rep, int teamId)
    {
        using var scope = fixture.App.Services.CreateScope();
        var board = scope.ServiceProvider.GetRequiredService<TargetBoard>();
        var today = TeamCalendar.Today(TimeProvider.System, rep.PrimaryTeam!.TimeZoneId);
        var progress = await board.GetProgressAsync(rep, teamId, TargetPeriod.Containing(PeriodKind.Month, today));
        return progress.Rep(rep.UserId)!.Actual.Revenue;
    }
}

/// <summary>The target and hero pages in both languages and two sizes, for people to look at (scripts/screenshots.sh).</summary>
[Collection(BrowserSuite.Name)]
[Trait("Category", BrowserFixture.ScreenshotTour)]
public sealed class TargetsScreenshots(BrowserFixture fixture)
{
    [Fact]
    public async Task TakeScreenshotsOfTheTargetPages()
    {
        var team = (await CustomersBrowserTests.ViewerAsync(fixture, "manager@demo.local")).PrimaryTeam!.Id;
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                var suffix = $"{culture}-{width}";
                var rep = await fixture.OpenAsync("rep1@demo.local", culture, width, height);
                await rep.GotoAsync($"/culture?name={culture}&returnUrl=/");
                await ShotAsync(rep, $"/teams/{team}/targets", "rep-targets-" + suffix, "rep-targets");
                await rep.GetByTestId("edit-stretch").ClickAsync();
                await rep.GetByTestId("save-stretch").WaitForAsync();
                await rep.WaitForTimeoutAsync(400);
                await BrowserFixture.ScreenshotAsync(rep, "stretch-dialog-" + suffix);
                await ShotAsync(rep, $"/teams/{team}/heroes", "heroes-rep-" + suffix, "leaderboard-row");
                await rep.Mouse.WheelAsync(0, 900);
                await BrowserFixture.ScreenshotAsync(rep, "heroes-rep-scrolled-" + suffix);
                await rep.Context.CloseAsync();

                var manager = await fixture.OpenAsync("manager@demo.local", culture, width, height);
                await manager.GotoAsync($"/culture?name={culture}&returnUrl=/");
                await ShotAsync(manager, $"/teams/{team}/targets", "manager-targets-" + suffix, "team-progress-row");
                await manager.Mouse.WheelAsync(0, 900);
                await BrowserFixture.ScreenshotAsync(manager, "manager-targets-scrolled-" + suffix);
                await ShotAsync(manager, $"/teams/{team}/targets?period=" + TargetPeriod.Containing(PeriodKind.Quarter, DateOnly.FromDateTime(DateTime.UtcNow)).Key, "manager-targets-quarter-" + suffix, "team-progress-row");
                await ShotAsync(manager, $"/teams/{team}/targets/set", "set-targets-" + suffix, "sheet-row");
                await manager.GetByTestId("period-next").ClickAsync();
                await manager.GetByTestId("copy-previous").ClickAsync();
                await BrowserFixture.ScreenshotAsync(manager, "set-targets-next-copied-" + suffix);
                await manager.Context.CloseAsync();
            }

            var wall = await fixture.OpenAsync("manager@demo.local", culture, 1920, 1080);
            await wall.GotoAsync($"/culture?name={culture}&returnUrl=/");
            await ShotAsync(wall, $"/teams/{team}/heroes/wall", "wall-" + culture, "hero");
            await wall.Context.CloseAsync();
        }
    }

    private static async Task ShotAsync(IPage page, string path, string name, string waitFor)
    {
        await BrowserFixture.GoToAsync(page, path);
        await page.GetByTestId(waitFor).First.WaitForAsync();
        await page.WaitForTimeoutAsync(400);
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}
