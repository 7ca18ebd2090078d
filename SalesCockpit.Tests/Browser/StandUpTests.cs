using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public partial class StandUpTests(BrowserFixture browser)
{
    [Fact]
    public async Task StandUpScreenShowsPlanWithoutReload()
    {
        var manager = await browser.OpenAsync("manager@demo.local", width: 1920, height: 1080);
        await manager.GetByTestId("nav-standup").ClickAsync();
        // rep1 (Zhang Wei) has no plan today in the demo data.
        var card = manager.GetByTestId("rep-card").Filter(new() { HasText = "Zhang Wei" });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", PendingOrLate());
        await BrowserFixture.WaitForCircuitAsync(manager);
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var rep = await browser.OpenAsync("rep1@demo.local");
        await rep.GetByTestId("nav-plan").ClickAsync();
        var goals = $"Two demos before noon {Guid.NewGuid().ToString("N")[..6]}";
        await rep.GetByTestId("plan-goals").FillAsync(goals);
        await rep.GetByTestId("plan-submit").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("plan-status")).ToHaveAttributeAsync("data-state", SubmittedOrLate());

        await Assertions.Expect(card.GetByTestId("rep-goals")).ToHaveTextAsync(goals);
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", SubmittedOrLate());
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(manager, "standup-live-en-US-1920");
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task AManagerSetsTheDailyExpectationsAndTheTeamTotalsFollow()
    {
        var manager = await browser.OpenAsync("manager2@demo.local", width: 1366, height: 768);
        await manager.GetByTestId("nav-standup").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("rep-card")).ToHaveCountAsync(3);
        await BrowserFixture.WaitForCircuitAsync(manager);

        await manager.GetByTestId("standup-settings").ClickAsync();
        await manager.GetByTestId("settings-visits").FillAsync("5");
        await manager.GetByTestId("settings-save").ClickAsync();

        // North-2 has three reps: five visits each.
        await Assertions.Expect(manager.GetByTestId("total-visits")).ToContainTextAsync("/15");
        await BrowserFixture.ScreenshotAsync(manager, "standup-settings-en-US-1366");
        await manager.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", 1920, 1080)]
    [InlineData("zh-CN", 1920, 1080)]
    [InlineData("en-US", 1366, 768)]
    [InlineData("zh-CN", 1366, 768)]
    public async Task StandUpAndPlanPagesFitTheScreenInBothLanguages(string culture, int width, int height)
    {
        var manager = await browser.OpenAsync("manager@demo.local", culture, width, height);
        await manager.GetByTestId("nav-standup").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("rep-card")).ToHaveCountAsync(6);
        Assert.False(await HasHorizontalScrollAsync(manager));
        await BrowserFixture.ScreenshotAsync(manager, $"standup-{culture}-{width}");

        var rep = await browser.OpenAsync("rep2@demo.local", culture, width, height);
        await rep.GetByTestId("nav-plan").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("plan-visits-list")).ToBeVisibleAsync();
        Assert.False(await HasHorizontalScrollAsync(rep));
        await BrowserFixture.ScreenshotAsync(rep, $"plan-{culture}-{width}");
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    private static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");

    // Before the team's due time a rep without a plan is "pending", after it "late"; a plan submitted after it is "submitted-late".
    [GeneratedRegex("^(pending|late)$")]
    private static partial Regex PendingOrLate();

    [GeneratedRegex("^submitted(-late)?$")]
    private static partial Regex SubmittedOrLate();
}
