using Microsoft.Playwright;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Browser;

/// <summary>A manager's stand-up on one of two app servers while the real redis-server between them stops and starts.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ScaleOutCatchUpTests : IDisposable
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };
    private readonly BrowserFixture browser;
    private readonly ScaleOutServers servers = new();
    private readonly RedisServer redis;
    private readonly AppHost first;
    private readonly AppHost second;

    public ScaleOutCatchUpTests(BrowserFixture browser)
    {
        this.browser = browser;
        (redis, first, second) = (servers.Redis, servers.First, servers.Second);
    }

    public void Dispose() => servers.Dispose();

    [Theory]
    [InlineData("en-US", "Updates from other servers are paused")]
    [InlineData("zh-CN", "来自其他服务器的更新已暂停")]
    public async Task TheStandUpShowsThePauseAndThenThePlanSavedOnTheOtherServerDuringIt(string culture, string pausedText)
    {
        var rep = await first.ViewerAsync("rep1@demo.local");
        var teamId = rep.PrimaryTeam!.Id;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = second.BaseAddress.ToString(),
            Locale = culture,
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        context.SetDefaultTimeout(30_000);
        var manager = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, "manager@demo.local");
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/standup");
        // rep1 has no plan today in the demo data.
        var card = manager.GetByTestId("rep-card").Filter(new LocatorFilterOptions { HasText = rep.DisplayName });
        await Assertions.Expect(card).ToBeVisibleAsync(Patiently);
        var banner = manager.GetByTestId("cross-server-paused");
        await Assertions.Expect(banner).ToBeHiddenAsync();
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        redis.Stop();
        await Assertions.Expect(banner).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(banner).ToContainTextAsync(pausedText);
        var goals = "Saved on the other server " + Guid.NewGuid().ToString("N")[..6];
        var today = TeamCalendar.Today(first.GetService<TimeProvider>(), rep.PrimaryTeam.TimeZoneId);
        await first.GetService<MorningPlanService>().SaveAsync(rep, teamId, today, new PlanInput(goals, null, 0, 5, 1, [], [], Guid.Empty), submit: true);
        Assert.Equal(0, await card.GetByTestId("rep-goals").CountAsync()); // nothing can bring it while Redis is down
        await BrowserFixture.ScreenshotAsync(manager, $"scale-out-paused-{culture}-1920");
        await manager.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.ScreenshotAsync(manager, $"scale-out-paused-{culture}-1366");
        await manager.SetViewportSizeAsync(1920, 1080);

        redis.Start();

        await Assertions.Expect(card.GetByTestId("rep-goals")).ToHaveTextAsync(goals, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(banner).ToBeHiddenAsync();
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(manager, $"scale-out-caught-up-{culture}-1920");
    }
}
