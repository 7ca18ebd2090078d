using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesCockpit.Tests.Browser;

/// <summary>An admin brings people in from a file; a new person opens their link in another browser and signs in.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PeopleImportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnImportedPersonSetsTheirPasswordFromTheCopiedLinkAndSignsIn()
    {
        var email = $"new.{Guid.NewGuid():N}"[..16] + "@example.com";
        var admin = await fixture.OpenAsync("admin@demo.local");
        await admin.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await BrowserFixture.GoToAsync(admin, "/admin/people");
        await admin.GetByTestId("import-people").ClickAsync();
        await admin.WaitForURLAsync("**/admin/people/import");
        await BrowserFixture.WaitForCircuitAsync(admin);

        await UploadAsync(admin, $"Name,E-mail,Role,Team,Manager\nBad Row,not-an-email,Rep,Import Team,\n");
        await Expect(admin.GetByTestId("row-error")).ToContainTextAsync("Enter a valid e-mail address.");
        await Expect(admin.GetByTestId("import-confirm")).ToBeDisabledAsync();

        // Its own new team and no manager: the demo manager other browser tests sign in as keeps exactly one team.
        var team = $"Import Team {Guid.NewGuid():N}"[..18];
        await UploadAsync(admin, $"Name,E-mail,Role,Team,Manager\nLu Xin,{email},Rep,{team},\n");
        await Expect(admin.GetByTestId("row-ok")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("new-teams")).ToContainTextAsync(team);
        await admin.GetByTestId("import-confirm").ClickAsync();
        await Expect(admin.GetByTestId("import-result")).ToContainTextAsync(email);
        await admin.GetByTestId("copy-link").ClickAsync();
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("copied");
        var link = await admin.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal(await admin.GetByTestId("set-password-link").InputValueAsync(), link);
        Assert.Contains("/account/set-password?user=", link, StringComparison.Ordinal);

        var newcomer = await fixture.OpenAsync();
        await newcomer.GotoAsync(link);
        await Expect(newcomer.GetByTestId("set-password-for")).ToContainTextAsync("Lu Xin");
        await newcomer.FillAsync("#new", "welcome123");
        await newcomer.FillAsync("#confirm", "welcome123");
        await newcomer.GetByTestId("set-password").ClickAsync();
        await Expect(newcomer.GetByTestId("password-set")).ToBeVisibleAsync();
        await BrowserFixture.SignInAsync(newcomer, email, "welcome123");
        await Expect(newcomer.Locator("body")).ToContainTextAsync("Lu Xin");

        await newcomer.GotoAsync(link);
        await Expect(newcomer.GetByTestId("link-invalid")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
        await newcomer.Context.CloseAsync();
    }

    internal static async Task UploadAsync(IPage page, string csv)
    {
        // MudFileUpload adds a fresh input after each file; the last one takes the next.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        var shown = page.Locator("[data-testid=import-preview], [data-testid=import-error]");
        await shown.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(0, await page.GetByTestId("import-error").CountAsync());
    }
}

/// <summary>Screenshots of the people import (preview with problems, result with links) in both languages and two sizes.</summary>
[Collection(BrowserSuite.Name)]
[Trait("Category", BrowserFixture.ScreenshotTour)]
public sealed class PeopleImportScreenshots(BrowserFixture fixture)
{
    [Fact]
    public async Task TakeScreenshotsOfThePeopleImport()
    {
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                var suffix = $"{culture}-{width}";
                var unique = Guid.NewGuid().ToString("N")[..6];
                var admin = await fixture.OpenAsync("admin@demo.local", culture, width, height);
                await admin.GotoAsync($"/culture?name={culture}&returnUrl=/");
                await BrowserFixture.GoToAsync(admin, "/admin/people/import");
                await PeopleImportBrowserTests.UploadAsync(admin,
                    $"姓名,邮箱,角色,团队,经理邮箱\n周岚,zhou.{unique}@example.com,经理,华南一组 {unique},\n吴飞,wu.{unique}@example.com,销售,华南一组 {unique},zhou.{unique}@example.com\n,bad-address,Boss,华南一组 {unique},\n钱宇,qian.{unique}@example.com,Rep,,nobody@example.com\n");
                await BrowserFixture.ScreenshotAsync(admin, $"people-import-preview-{suffix}");
                await PeopleImportBrowserTests.UploadAsync(admin,
                    $"姓名,邮箱,角色,团队,经理邮箱\n周岚,zhou.{unique}@example.com,经理,华南一组 {unique},\n吴飞,wu.{unique}@example.com,销售,华南一组 {unique},zhou.{unique}@example.com\nTom Baker,tom.{unique}@example.com,Rep,华南一组 {unique},\n");
                await admin.GetByTestId("import-confirm").ClickAsync();
                await admin.GetByTestId("import-result").WaitForAsync();
                await BrowserFixture.ScreenshotAsync(admin, $"people-import-result-{suffix}");
                await admin.Context.CloseAsync();
            }
        }
    }
}
