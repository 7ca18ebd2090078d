using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Browser;

/// <summary>Screenshots of the evening pages in both languages and two sizes, for people to look at (scripts/screenshots.sh).</summary>
[Collection(BrowserSuite.Name)]
[Trait("Category", BrowserFixture.ScreenshotTour)]
public sealed class EveningReviewScreenshots(BrowserFixture fixture)
{
    [Fact]
    public async Task TakeScreenshotsOfTheEveningPages()
    {
        var manager = await CustomersBrowserTests.ViewerAsync(fixture, "manager@demo.local");
        var teamId = manager.PrimaryTeam!.Id;
        var opportunityId = await StalledOpportunityAsync(manager, teamId);
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                var suffix = $"{culture}-{width}";
                var rep = await fixture.OpenAsync("rep1@demo.local", culture, width, height);
                await SetCultureAsync(rep, culture);
                await ShotAsync(rep, "/review", "plan-vs-actual", $"review-{suffix}");
                await rep.Context.CloseAsync();

                var page = await fixture.OpenAsync("manager@demo.local", culture, width, height);
                await SetCultureAsync(page, culture);
                await ShotAsync(page, $"/teams/{teamId}/share-out", "share-out", $"share-out-{suffix}");
                await ShotAsync(page, $"/opportunities/{opportunityId}/judgment", "judgment-form", $"judgment-{suffix}");
                await ShotAsync(page, $"/teams/{teamId}/plan-accuracy", "accuracy-title", $"plan-accuracy-{suffix}");
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>A stalled opportunity of the team, one the demo data has already judged if there is one.</summary>
    private async Task<int> StalledOpportunityAsync(SalesCockpit.Features.Teams.Viewer manager, int teamId)
    {
        var stalled = await fixture.App.GetService<CustomerDirectory>().StalledOpportunitiesAsync(manager, teamId);
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var judged = await db.Set<DealJudgment>().Where(judgment => judgment.TeamId == teamId).Select(judgment => judgment.OpportunityId).ToListAsync();
        return stalled.Select(opportunity => opportunity.OpportunityId).OrderByDescending(judged.Contains).First();
    }

    private static async Task SetCultureAsync(IPage page, string culture) =>
        await page.GotoAsync($"/culture?name={culture}&returnUrl=/");

    private static async Task ShotAsync(IPage page, string path, string readyTestId, string name)
    {
        await BrowserFixture.GoToAsync(page, path);
        await Assertions.Expect(page.GetByTestId(readyTestId).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-boundary]")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}
