using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesCockpit.Features.TeamBoard;

namespace SalesCockpit.Tests.Browser;

/// <summary>A live update renders in the viewer's language and the team's 24-hour time, whoever caused it.</summary>
[Collection(BrowserSuite.Name)]
public partial class LiveCultureTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnEnglishRepsPlanAndClaimReachAChineseManagersScreensInChinese()
    {
        var managerViewer = await CustomersBrowserTests.ViewerAsync(browser, "manager@demo.local");
        var teamId = managerViewer.PrimaryTeam!.Id;
        var link = await browser.App.GetService<DisplayLinks>().CreateAsync(managerViewer, teamId, "Live language TV");
        var customer = $"Live Claim {Guid.NewGuid():N}"[..24];
        await CustomersBrowserTests.PoolCustomerAsync(browser, customer);

        var manager = await browser.OpenAsync("manager@demo.local", "zh-CN", 1920, 1080);
        await BrowserFixture.GoToAsync(manager, $"/teams/{teamId}/standup");
        // rep4 (Liu Yang) has only a draft today in the demo data.
        var card = manager.GetByTestId("rep-card").Filter(new() { HasText = "Liu Yang" });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", new Regex("^(pending|late)$"));
        var tv = await browser.OpenAsync(culture: "zh-CN", width: 1920, height: 1080);
        await BrowserFixture.GoToAsync(tv, $"/display/{link.Token}");
        await Assertions.Expect(tv.GetByTestId("activity-item").First).ToBeVisibleAsync();

        var rep = await browser.OpenAsync("rep4@demo.local", "en-US");
        await rep.GetByTestId("nav-plan").ClickAsync();
        await rep.GetByTestId("plan-goals").FillAsync("Two demos in Kunshan; confirm the budget holder.");
        await rep.GetByTestId("plan-submit").ClickAsync();
        await Assertions.Expect(rep.GetByTestId("plan-status")).ToHaveAttributeAsync("data-state", new Regex("^submitted(-late)?$"));

        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", new Regex("^submitted(-late)?$"));
        await Assertions.Expect(card.GetByTestId("rep-number").First).ToContainTextAsync("拜访");
        await Assertions.Expect(card).Not.ToContainTextAsync(new Regex("Visits|Calls|New valid leads|Submitted"));
        await Assertions.Expect(card.GetByTestId("plan-status")).ToContainTextAsync(TeamTimeThenChinese());
        var tvRow = tv.GetByTestId("plan-row").Filter(new() { HasText = "Liu Yang" });
        await Assertions.Expect(tvRow.GetByTestId("plan-status")).ToContainTextAsync(TeamTimeThenChinese());

        await BrowserFixture.GoToAsync(rep, "/customers/pool");
        await rep.Locator("[data-testid=customer-search] input, input[data-testid=customer-search]").First.FillAsync(customer);
        await rep.Locator("tr", new() { Has = rep.GetByTestId("customer-link").Filter(new() { HasText = customer }) }).GetByTestId("claim").ClickAsync();

        var claimed = tv.GetByTestId("activity-item").Filter(new() { HasText = customer }).Filter(new() { HasText = "Liu Yang" });
        await Assertions.Expect(claimed).ToContainTextAsync("从公海认领");
        await Assertions.Expect(claimed.Locator(".sc-feed-time")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$"));
        await Assertions.Expect(tv.GetByTestId("wall-display")).Not.ToContainTextAsync(new Regex(@"Claimed it|\d:\d{2}\s?[AP]M"));
        await BrowserFixture.ScreenshotAsync(manager, "live-culture-standup-zh-CN-1920");
        await BrowserFixture.ScreenshotAsync(tv, "live-culture-wall-zh-CN-1920");
        await rep.Context.CloseAsync();
        await tv.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    // "09:12 已交" or "09:48 迟交": the team's 24-hour time, Chinese words.
    [GeneratedRegex(@"\d{2}:\d{2} (已提交|已交|迟交)")]
    private static partial Regex TeamTimeThenChinese();
}
