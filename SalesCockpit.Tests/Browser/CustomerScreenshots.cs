using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

/// <summary>Runs only when SALESCOCKPIT_SCREENSHOTS_CUSTOMERS=1: screenshots of the customer pages in both languages and two sizes.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SALESCOCKPIT_SCREENSHOTS_CUSTOMERS") != "1")
        {
            Skip = "Set SALESCOCKPIT_SCREENSHOTS_CUSTOMERS=1 to take the customer pages' screenshots.";
        }
    }
}

[Collection(BrowserSuite.Name)]
public sealed class CustomerScreenshots(BrowserFixture fixture)
{
    [ScreenshotFact]
    public async Task TakeScreenshotsOfTheCustomerPages()
    {
        var poolCustomer = await CustomersBrowserTests.PoolCustomerAsync(fixture, $"截图测试 Screenshot {Guid.NewGuid():N}"[..24]);
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                var suffix = $"{culture}-{width}";
                var rep = await fixture.OpenAsync("rep1@demo.local", culture, width, height);
                await SetCultureAsync(rep, culture);
                await ShotAsync(rep, "/", $"home-rep-{suffix}");
                await ShotAsync(rep, "/customers", $"mine-{suffix}");
                await ShotAsync(rep, "/customers/pool", $"pool-{suffix}");
                await ShotAsync(rep, "/customers/my-day", $"myday-{suffix}");
                await ShotAsync(rep, $"/customers/{poolCustomer}", $"pool-customer-{suffix}");
                var firstMine = rep.GetByTestId("customer-link");
                await BrowserFixture.GoToAsync(rep, "/customers");
                await firstMine.First.ClickAsync();
                await rep.GetByTestId("timeline").WaitForAsync();
                await BrowserFixture.ScreenshotAsync(rep, $"customer-{suffix}");
                await rep.Mouse.WheelAsync(0, 900);
                await BrowserFixture.ScreenshotAsync(rep, $"customer-scrolled-{suffix}");
                await BrowserFixture.GoToAsync(rep, "/customers/new");
                await rep.Locator("[data-testid=field-name] input, input[data-testid=field-name]").First.FillAsync("苏州恒瑞精密机械");
                await rep.Locator("[data-testid=field-phone] input, input[data-testid=field-phone]").First.FocusAsync();
                await rep.WaitForTimeoutAsync(500);
                await BrowserFixture.ScreenshotAsync(rep, $"new-{suffix}");
                await rep.GetByTestId("save-customer").ClickAsync();
                await rep.WaitForTimeoutAsync(500);
                await BrowserFixture.ScreenshotAsync(rep, $"new-invalid-{suffix}");
                await ShotAsync(rep, "/customers/import", $"import-{suffix}");
                var csv = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
                await File.WriteAllTextAsync(csv, "公司名称,电话,行业,规模\n新客户甲有限公司,021-5555 0001,制造业,中型（50–249人）\n苏州恒瑞精密机械有限公司,,Manufacturing,Small\n,,,\nBad Industry Ltd,,Spaceflight,Small\n新客户乙有限公司,,Retail,Micro\n", new System.Text.UTF8Encoding(true));
                await rep.Locator("input[type=file]").SetInputFilesAsync(csv);
                await rep.GetByTestId("import-preview").WaitForAsync();
                await BrowserFixture.ScreenshotAsync(rep, $"import-preview-{suffix}");
                await rep.Context.CloseAsync();

                var manager = await fixture.OpenAsync("manager@demo.local", culture, width, height);
                await SetCultureAsync(manager, culture);
                await ShotAsync(manager, "/customers/team", $"team-{suffix}");
                await ShotAsync(manager, "/customers/stalled", $"stalled-{suffix}");
                await ShotAsync(manager, "/customers/settings", $"settings-{suffix}");
                await BrowserFixture.GoToAsync(manager, "/customers/handover");
                await BrowserFixture.ScreenshotAsync(manager, $"handover-{suffix}");
                await manager.Context.CloseAsync();

                var admin = await fixture.OpenAsync("admin@demo.local", culture, width, height);
                await SetCultureAsync(admin, culture);
                await BrowserFixture.GoToAsync(admin, "/admin/people");
                await admin.Locator("tr", new PageLocatorOptions { HasText = "Wang Fang" }).GetByTestId("deactivate").ClickAsync();
                await admin.Locator(".mud-dialog").WaitForAsync();
                await BrowserFixture.ScreenshotAsync(admin, $"deactivate-{suffix}");
                await admin.Context.CloseAsync();
            }
        }
    }

    private static async Task SetCultureAsync(IPage page, string culture) =>
        await page.GotoAsync($"/culture?name={culture}&returnUrl=/");

    private static async Task ShotAsync(IPage page, string path, string name)
    {
        await BrowserFixture.GoToAsync(page, path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(400);
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}
