using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class LanguageSwitchTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheAppBarSwitchChangesTheTextAndIsRemembered()
    {
        var page = await browser.OpenAsync("rep2@demo.local", culture: "en-US");
        await Assertions.Expect(page.GetByTestId("home-greeting")).ToContainTextAsync("Hello");

        await page.GetByTestId("language-switch").ClickAsync();
        await page.GetByText("中文").ClickAsync();

        await Assertions.Expect(page.GetByTestId("home-greeting")).ToContainTextAsync("你好");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await BrowserFixture.GoToAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "首页" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
