using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public class TeamBoardLiveTests(BrowserFixture browser)
{
    [Fact]
    public async Task ARepsFollowUpAppearsOnTheManagersBoardWithoutReload()
    {
        var (customerId, customerName) = await OwnedCustomerOfAsync("rep2@demo.local");
        var manager = await browser.OpenAsync("manager@demo.local", width: 1920, height: 1080);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Team board" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("activity-item").First).ToBeVisibleAsync();
        var itemsOfCustomer = manager.GetByTestId("activity-item").Filter(new() { HasText = customerName });
        var before = await itemsOfCustomer.CountAsync();
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var rep = await browser.OpenAsync("rep2@demo.local");
        await BrowserFixture.GoToAsync(rep, $"/customers/{customerId}");
        await rep.Locator("textarea[data-testid=follow-up-content], [data-testid=follow-up-content] textarea").First
            .FillAsync("Walked the production line with the plant manager; budget is approved for Q1.");
        // Leave the field so its value is bound before the click (the growing field can swallow a click made while it resizes).
        await rep.Keyboard.PressAsync("Tab");
        await rep.GetByTestId("save-follow-up").ClickAsync();

        await Assertions.Expect(itemsOfCustomer).ToHaveCountAsync(before + 1);
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(manager, "team-board-en-US-1920");
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task ARepsSubmittedPlanTurnsTheirRowOnTheBoardWithoutReload()
    {
        var manager = await browser.OpenAsync("manager@demo.local", width: 1920, height: 1080);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Team board" }).ClickAsync();
        // rep6 (Zhao Lei) has no plan today in the demo data.
        var row = manager.GetByTestId("plan-row").Filter(new() { HasText = "Zhao Lei" });
        await Assertions.Expect(row.GetByTestId("plan-status")).ToHaveAttributeAsync("data-state", new Regex("^(pending|late)$"));
        await BrowserFixture.WaitForCircuitAsync(manager);
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var rep = await browser.OpenAsync("rep6@demo.local");
        await rep.GetByTestId("nav-plan").ClickAsync();
        await rep.GetByTestId("plan-goals").FillAsync("Close the Ningbo renewal; two new valid leads.");
        await rep.GetByTestId("plan-submit").ClickAsync();

        await Assertions.Expect(row.GetByTestId("plan-status")).ToHaveAttributeAsync("data-state", new Regex("^submitted(-late)?$"));
        Assert.Equal(0, navigations);
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task ARepsEveningReviewWithAHelpRequestStandsOutOnTheBoardWithoutReload()
    {
        // North-2's third rep: no other test writes their review, so submitting it (and locking any plan) affects nothing else.
        var manager = await browser.OpenAsync("manager2@demo.local", width: 1920, height: 1080);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Team board" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("panel-missing").Filter(new() { HasText = "Wu Qiang" })).ToHaveCountAsync(1);
        await BrowserFixture.WaitForCircuitAsync(manager);
        var navigations = 0;
        manager.FrameNavigated += (_, frame) => navigations += frame == manager.MainFrame ? 1 : 0;

        var rep = await browser.OpenAsync("north.rep3@demo.local");
        await rep.GetByTestId("nav-review").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(rep);
        var help = $"Need a price approval for Tianjin {Guid.NewGuid().ToString("N")[..6]}";
        await rep.GetByTestId("review-wins").FillAsync("Two visits, one new valid lead.");
        await rep.GetByTestId("review-lesson").FillAsync("Confirm the budget holder before the demo.");
        await rep.GetByTestId("review-help").FillAsync(help);
        await rep.GetByTestId("review-submit").ClickAsync();

        await Assertions.Expect(manager.GetByTestId("panel-help").Filter(new() { HasText = help })).ToHaveCountAsync(1);
        await Assertions.Expect(manager.GetByTestId("panel-missing").Filter(new() { HasText = "Wu Qiang" })).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    private async Task<(int Id, string Name)> OwnedCustomerOfAsync(string email)
    {
        var factory = browser.App.GetService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var userId = await db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
        var customer = await db.Set<Customer>().Where(candidate => candidate.OwnerId == userId).OrderBy(candidate => candidate.Id)
            .Select(candidate => new { candidate.Id, candidate.Name }).FirstAsync();
        return (customer.Id, customer.Name);
    }
}
