using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class EveningReviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ShareOutBoardShowsAReviewAndItsHighlightWithoutReload()
    {
        // North-2's second rep has no plan today in the demo data: a review without a plan locks nothing other tests use.
        var manager = await browser.OpenAsync("manager2@demo.local", width: 1920, height: 1080);
        await manager.GetByTestId("nav-share-out").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("share-card")).ToHaveCountAsync(3);
        await BrowserFixture.WaitForCircuitAsync(manager);

        var rep = await browser.OpenAsync("north.rep2@demo.local");
        await rep.GetByTestId("nav-review").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(rep);
        var lesson = $"Ask who signs first {Guid.NewGuid().ToString("N")[..6]}";
        await rep.GetByTestId("review-wins").FillAsync("Booked a demo");
        await rep.GetByTestId("review-lesson").FillAsync(lesson);
        await rep.GetByTestId("review-submit").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("review-state")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^submitted"));

        var card = manager.GetByTestId("share-card").Filter(new() { HasText = lesson });
        await Assertions.Expect(card.GetByTestId("share-lesson")).ToContainTextAsync(lesson);
        await card.GetByTestId("highlight").ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-highlighted", "true");

        await Assertions.Expect(rep.GetByTestId("my-highlight")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "share-out-en-US-1920");
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
