using Microsoft.Playwright;

namespace SalesCockpit.Tests.Browser;

/// <summary>
/// Screenshots of what issue 13 changed (ride-along list and page, the cancel question, the ladder, near matches on a new
/// customer, the plan's suggestions) in both languages and two sizes, for people to look at.
/// </summary>
[Collection(BrowserSuite.Name)]
[Trait("Category", BrowserFixture.ScreenshotTour)]
public sealed class KeyboardAndNearMatchScreenshots(BrowserFixture fixture)
{
    [Fact]
    public async Task TakeScreenshotsOfTheKeyboardAndNearMatchChanges()
    {
        await CustomersBrowserTests.PoolCustomerAsync(fixture, "瑞丰融资租赁（苏州）有限公司");
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
            {
                var suffix = $"{culture}-{width}";
                var manager = await fixture.OpenAsync("manager@demo.local", culture, width, height);
                await manager.GetByTestId("nav-ride-alongs").ClickAsync();
                await manager.GetByTestId("ride-along-row").First.WaitForAsync();
                await BrowserFixture.ScreenshotAsync(manager, $"i13-ride-alongs-{suffix}");
                await manager.GetByTestId("upcoming").GetByTestId("ride-along-row").First.FocusAsync();
                await manager.Keyboard.PressAsync("Enter");
                await manager.Locator("[data-notebook=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await BrowserFixture.ScreenshotAsync(manager, $"i13-ride-along-{suffix}");
                await manager.GetByTestId("cancel-ride-along").ScrollIntoViewIfNeededAsync();
                await BrowserFixture.ScreenshotAsync(manager, $"i13-ride-along-bottom-{suffix}");
                await manager.GetByTestId("cancel-ride-along").FocusAsync();
                await manager.Keyboard.PressAsync("Enter");
                await manager.GetByRole(AriaRole.Dialog).WaitForAsync();
                await BrowserFixture.ScreenshotAsync(manager, $"i13-cancel-question-{suffix}");
                await manager.Keyboard.PressAsync("Escape");
                await manager.GetByRole(AriaRole.Dialog).WaitForAsync(new() { State = WaitForSelectorState.Hidden });

                await manager.GetByTestId("nav-coaching").ClickAsync();
                await manager.GetByTestId("matrix-row").Filter(new() { HasText = "Li Na" }).GetByRole(AriaRole.Link).First.ClickAsync();
                await manager.GetByTestId("skill-ladder").First.WaitForAsync();
                await BrowserFixture.ScreenshotAsync(manager, $"i13-rep-ladder-{suffix}");
                await manager.Context.CloseAsync();

                var rep = await fixture.OpenAsync("rep1@demo.local", culture, width, height);
                await BrowserFixture.GoToAsync(rep, "/customers/new");
                await rep.Locator("[data-testid=field-name] input, input[data-testid=field-name]").First.FillAsync("苏州瑞丰");
                await rep.Locator("[data-testid=field-phone] input, input[data-testid=field-phone]").First.FocusAsync();
                await rep.GetByTestId("near-matches").WaitForAsync();
                await BrowserFixture.ScreenshotAsync(rep, $"i13-near-matches-{suffix}");
                await BrowserFixture.GoToAsync(rep, "/plan");
                await rep.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await BrowserFixture.ScreenshotAsync(rep, $"i13-plan-{suffix}");
                await rep.Context.CloseAsync();
            }
        }
    }
}
