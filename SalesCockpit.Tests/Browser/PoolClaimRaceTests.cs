using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Browser;

/// <summary>Six reps of one team click "Claim" on the same pool customer at once: one wins, and every other one is told.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PoolClaimRaceTests(BrowserFixture fixture)
{
    private const int Reps = 6;
    private const int Rounds = 4;

    [Theory]
    [InlineData("en-US", "{0} was just claimed by someone else.", "{0} is now yours.")]
    [InlineData("zh-CN", "{0} 刚刚被别人认领了。", "已认领：{0}")]
    public async Task EveryRepWhoLosesARaceForAPoolCustomerIsTold(string culture, string lostText, string wonText)
    {
        var (team, manager, reps) = await TeamOfRepsAsync();
        var pages = new List<IPage>();
        foreach (var rep in reps)
        {
            var page = await fixture.OpenAsync(culture: culture);
            await BrowserFixture.SignInAsync(page, rep.Email);
            await BrowserFixture.GoToAsync(page, "/customers/pool");
            pages.Add(page);
        }

        for (var round = 1; round <= Rounds; round++)
        {
            var name = $"Race {round} {Guid.NewGuid():N}"[..16];
            var id = await fixture.App.GetService<CustomerPool>().CreateAsync(manager, team.Id, new CustomerInput(
                name, null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Inbound, null, CustomerLevel.Standard, null, []));
            var buttons = new List<IElementHandle>();
            foreach (var page in pages)
            {
                var claim = ClaimButton(page, name);
                await Assertions.Expect(claim).ToBeEnabledAsync();
                buttons.Add(await claim.ElementHandleAsync());
            }

            // All six clicks leave together; a row that a live update removed first takes its click with it, as under a pointer.
            await Task.WhenAll(buttons.Select(button => button.EvaluateAsync("button => button.click()")));

            foreach (var page in pages)
            {
                await Assertions.Expect(ClaimButton(page, name)).ToHaveCountAsync(0);
            }

            var owner = await OwnerAsync(id);
            var winner = Assert.Single(reps, rep => rep.UserId == owner);
            for (var index = 0; index < Reps; index++)
            {
                var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, reps[index] == winner ? wonText : lostText, name);
                await Assertions.Expect(pages[index].Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = expected })).ToHaveCountAsync(1);
            }

            if (round == 1)
            {
                var loser = pages[reps.FindIndex(rep => rep != winner)];
                await BrowserFixture.ScreenshotAsync(loser, $"pool-claim-lost-{culture}-1366");
            }
        }

        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private static ILocator ClaimButton(IPage page, string name) =>
        page.Locator("tr", new PageLocatorOptions { Has = page.GetByTestId("customer-link").Filter(new LocatorFilterOptions { HasText = name }) }).GetByTestId("claim");

    private async Task<string?> OwnerAsync(int customerId)
    {
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Customer>().Where(customer => customer.Id == customerId).Select(customer => customer.OwnerId).SingleAsync();
    }

    /// <summary>A team of its own, so the races leave the demo team's pool and limits alone.</summary>
    private async Task<(Team Team, Viewer Manager, List<(string UserId, string Email)> Reps)> TeamOfRepsAsync()
    {
        var data = new TestData(fixture.App.GetService<IDbContextFactory<AppDbContext>>());
        var team = await data.TeamAsync($"Race team {Guid.NewGuid():N}"[..20]);
        var manager = await data.ManagerAsync(team);
        var reps = new List<(string, string)>();
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        for (var i = 0; i < Reps; i++)
        {
            var rep = await data.RepAsync(team);
            var user = await users.FindByIdAsync(rep.UserId) ?? throw new InvalidOperationException("The rep was not stored.");
            var added = await users.AddPasswordAsync(user, DemoSeeder.DemoPassword);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(error => error.Description)));
            reps.Add((rep.UserId, user.Email!));
        }

        return (team, manager, reps);
    }
}
