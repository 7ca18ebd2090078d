using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class LiveUpdateTests(BrowserFixture browser)
{
    [Fact]
    public async Task APersonAddedByTheAdminAppearsOnTheManagersTeamPageWithoutReload()
    {
        var manager = await browser.OpenAsync("manager@demo.local", width: 1920, height: 1080);
        await manager.GetByTestId("team-name").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("team-title")).ToContainTextAsync("East-1");
        await BrowserFixture.WaitForCircuitAsync(manager);
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var admin = await browser.OpenAsync("admin@demo.local");
        await BrowserFixture.GoToAsync(admin, "/admin/people");
        await admin.GetByTestId("new-person").ClickAsync();
        var newcomer = $"Newcomer {Guid.NewGuid().ToString("N")[..6]}";
        await admin.GetByTestId("person-name").FillAsync(newcomer);
        await admin.GetByTestId("person-email").FillAsync($"{newcomer.Replace(' ', '.')}@demo.local");
        await admin.GetByTestId("person-password").FillAsync("welcome2026");
        await admin.GetByTestId("person-teams").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "East-1 / 华东一组" }).ClickAsync();
        await admin.GetByTestId("save-person").ClickAsync();
        // Saved (the dialog closes only then): what follows is the manager's page hearing of it.
        await Assertions.Expect(admin.GetByTestId("save-person")).ToBeHiddenAsync();

        await Assertions.Expect(manager.GetByTestId("reps")).ToContainTextAsync(newcomer);
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(manager, "team-page-live-en-US-1920");
        await admin.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
