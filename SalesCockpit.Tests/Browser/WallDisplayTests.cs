using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class WallDisplayTests(BrowserFixture browser)
{
    [Fact]
    public async Task ADisplayLinkShowsTheBoardWithoutSignInAndStopsWhenRevoked()
    {
        var manager = await browser.OpenAsync("manager@demo.local");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Team board" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("team-board")).ToBeVisibleAsync();
        await manager.GetByTestId("display-links").ClickAsync();
        await manager.GetByTestId("display-label").FillAsync("Meeting room TV");
        await manager.GetByTestId("display-create").ClickAsync();
        var url = await manager.GetByTestId("display-url").InputValueAsync();

        var tv = await browser.OpenAsync(culture: "zh-CN", width: 1920, height: 1080);
        await tv.GotoAsync(url);
        await BrowserFixture.WaitForCircuitAsync(tv);
        await Assertions.Expect(tv.GetByTestId("wall-display")).ToContainTextAsync("East-1");
        await Assertions.Expect(tv.GetByTestId("panel-attainment")).ToContainTextAsync("Zhang Wei");
        await Assertions.Expect(tv.GetByTestId("panel-plans")).ToContainTextAsync("Li Na");
        Assert.DoesNotContain("@demo.local", await tv.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("North-2", await tv.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tv, "wall-display-zh-CN-1920");

        await manager.GetByTestId("display-revoke").First.ClickAsync();

        await Assertions.Expect(tv.GetByTestId("display-unavailable")).ToBeVisibleAsync();
        await Assertions.Expect(tv.GetByTestId("panel-attainment")).ToHaveCountAsync(0);
        await tv.ReloadAsync();
        await Assertions.Expect(tv.GetByTestId("display-unavailable")).ToBeVisibleAsync();
        await tv.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task AGuessedDisplayTokenShowsNothing()
    {
        var page = await browser.OpenAsync();

        await page.GotoAsync("/display/not-a-real-token");

        await Assertions.Expect(page.GetByTestId("display-unavailable")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ARepCannotOpenTheBoard()
    {
        var rep = await browser.OpenAsync("rep3@demo.local");

        await rep.GotoAsync("/teams/1/board");

        await rep.WaitForURLAsync(url => url.Contains("/account/access-denied", StringComparison.Ordinal));
        await Assertions.Expect(rep.GetByTestId("access-denied")).ToBeVisibleAsync();
        await rep.Context.CloseAsync();
    }
}
