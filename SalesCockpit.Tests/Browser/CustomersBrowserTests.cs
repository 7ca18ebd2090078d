using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Browser;

[Collection(BrowserSuite.Name)]
public sealed partial class CustomersBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ClaimFromThePublicPoolAddAFollowUpAndSeeTheCountdownReset()
    {
        var name = $"Browser Claim {Guid.NewGuid():N}"[..28];
        var id = await PoolCustomerAsync(fixture, name);
        var page = await fixture.OpenAsync("rep1@demo.local");

        await BrowserFixture.GoToAsync(page, "/customers/pool");
        await page.Locator("[data-testid=customer-search] input, input[data-testid=customer-search]").First.FillAsync(name);
        var row = page.Locator("tr", new PageLocatorOptions { Has = page.GetByTestId("customer-link").Filter(new LocatorFilterOptions { HasText = name }) });
        await row.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-link").Filter(new LocatorFilterOptions { HasText = name })).ToHaveCountAsync(0);

        await BrowserFixture.GoToAsync(page, $"/customers/{id}");
        await Assertions.Expect(page.GetByTestId("countdown")).ToHaveAttributeAsync("data-days", "15");

        // Ten days pass without a follow-up.
        await MoveHoldClockAsync(fixture, id, TimeSpan.FromDays(-10));
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("countdown")).ToHaveAttributeAsync("data-days", "5");

        await page.Locator("textarea[data-testid=follow-up-content], [data-testid=follow-up-content] textarea").First
            .FillAsync("Met the purchasing manager; they need it before the Q1 purchasing season.");
        // Leave the field so its value is bound before the click (the growing field can swallow a click made while it resizes).
        await page.Keyboard.PressAsync("Tab");
        await page.GetByTestId("save-follow-up").ClickAsync();

        await Assertions.Expect(page.GetByTestId("countdown")).ToHaveAttributeAsync("data-days", "15");
        await Assertions.Expect(page.GetByTestId("follow-up-text").First).ToContainTextAsync("Q1 purchasing season");
        await Assertions.Expect(page.GetByTestId("timeline-event").Filter(new LocatorFilterOptions { HasTextRegex = ClaimedText() })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AColleaguesCustomerOpenedByIdLooksLikeNotFound()
    {
        var id = await HeldCustomerIdAsync(fixture, "rep2@demo.local");
        var page = await fixture.OpenAsync("rep1@demo.local");

        await BrowserFixture.GoToAsync(page, $"/customers/{id}");

        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
    }

    internal static Task<Viewer> ViewerAsync(BrowserFixture fixture, string email) => fixture.App.ViewerAsync(email);

    internal static async Task<int> PoolCustomerAsync(BrowserFixture fixture, string name)
    {
        var manager = await ViewerAsync(fixture, "manager@demo.local");
        return await fixture.App.GetService<CustomerPool>().CreateAsync(manager, manager.PrimaryTeam!.Id, new CustomerInput(
            name, null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Inbound, null, CustomerLevel.Standard, null, []));
    }

    private static async Task<int> HeldCustomerIdAsync(BrowserFixture fixture, string email)
    {
        var owner = await ViewerAsync(fixture, email);
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Customer>().Where(customer => customer.OwnerId == owner.UserId).Select(customer => customer.Id).FirstAsync();
    }

    private static async Task MoveHoldClockAsync(BrowserFixture fixture, int customerId, TimeSpan by)
    {
        var factory = fixture.App.GetService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var customer = await db.Set<Customer>().SingleAsync(candidate => candidate.Id == customerId);
        customer.HoldClockAt = customer.HoldClockAt!.Value + by;
        customer.ProgressClockAt = customer.ProgressClockAt!.Value + by;
        var team = await db.Set<Team>().SingleAsync(candidate => candidate.Id == customer.TeamId);
        new FlowBackPolicy(new CustomerPoolSettings(), team.TimeZoneId, TimeProvider.System).Apply(customer);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("Claimed")]
    private static partial Regex ClaimedText();
}
