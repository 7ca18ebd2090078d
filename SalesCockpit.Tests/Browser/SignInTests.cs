using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class SignInTests(BrowserFixture browser)
{
    public static TheoryData<string, string, string, string> Accounts() => new()
    {
        { "rep1@demo.local", "en-US", "Hello, Zhang Wei", "Your team and your day at a glance." },
        { "rep1@demo.local", "zh-CN", "你好，Zhang Wei", "一眼看清你的团队和今天的工作。" },
        { "manager@demo.local", "en-US", "Hello, Huang Min", "Your teams at a glance." },
        { "manager@demo.local", "zh-CN", "你好，Huang Min", "一眼看清你带领的团队。" },
        { "admin@demo.local", "en-US", "Hello, Admin", "Set up teams and people" },
        { "admin@demo.local", "zh-CN", "你好，Admin", "设置团队和人员" },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachDemoAccountLandsOnItsRolesHomeInEitherLanguage(string email, string culture, string greeting, string lead)
    {
        var page = await browser.OpenAsync(email, culture);

        await Assertions.Expect(page.GetByTestId("home-greeting")).ToContainTextAsync(greeting);
        await Assertions.Expect(page.GetByText(lead)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-boundary")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"home-{email.Split('@')[0]}-{culture}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWrongPasswordShowsAClearMessageAndKeepsTheEmail()
    {
        var page = await browser.OpenAsync(culture: "en-US");
        await page.GotoAsync("/account/login");

        await page.FillAsync("#email", "rep5@demo.local");
        await page.FillAsync("#password", "definitely-wrong1");
        await page.ClickAsync("[data-testid=sign-in]");

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("The e-mail or password is not correct.");
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync("rep5@demo.local");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-error-en-US");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutReturnsToSignIn()
    {
        var page = await browser.OpenAsync("rep6@demo.local");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutInOneTabEndsAnotherOpenTabWithinTheRevalidationBound()
    {
        var signingOut = await browser.OpenAsync("rep6@demo.local");
        var otherTab = await signingOut.Context.NewPageAsync();
        await BrowserFixture.GoToAsync(otherTab, "/customers");
        await Assertions.Expect(otherTab.GetByTestId("page-title")).ToHaveTextAsync("My customers");

        await signingOut.GetByTestId("user-menu").ClickAsync();
        await signingOut.GetByTestId("sign-out").ClickAsync();
        await signingOut.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        // The other tab's live circuit checks the person every 30 s, as for a deactivation: the renewed stamp ends it.
        await otherTab.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await Assertions.Expect(otherTab.GetByTestId("page-title")).ToHaveCountAsync(0);
        await signingOut.Context.CloseAsync();
    }
}
