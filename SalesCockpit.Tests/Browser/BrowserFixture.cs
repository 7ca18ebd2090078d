using Microsoft.Playwright;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Browser;

/// <summary>
/// One app (demo data) and one headless Debian Chromium for all browser tests. Each test opens its own
/// contexts (separate cookie jars), so two contexts are two people on two machines.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// Trait category of the screenshot tours: they take every page's picture for a person to look at, so the
    /// test command leaves them out and scripts/screenshots.sh runs them.
    /// </summary>
    public const string ScreenshotTour = "ScreenshotTour";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public AppHost App { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where screenshots go: TestResults/screenshots under the test output folder, or SALESCOCKPIT_SCREENSHOTS.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("SALESCOCKPIT_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // A live update crosses a circuit, the event bus and a database load; on a loaded 2-core machine with PostgreSQL
        // that can pass Playwright's 5 s default for expectations, as every action already has 15 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _ = App.BaseAddress;
        playwright = await Playwright.CreateAsync();
        browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's headless Chromium, as every browser test launches it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A new browser context (its own cookies) and page, optionally signed in as a demo account.</summary>
    public async Task<IPage> OpenAsync(string? email = null, string culture = "en-US", int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = culture,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            await SignInAsync(page, email);
        }

        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password = DemoSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Pages are prerendered: wait until the interactive circuit is attached before clicking.</summary>
    public static Task WaitForCircuitAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>Navigates within the app and waits for the circuit.</summary>
    public static async Task GoToAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    private static string FindChromium()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("SALESCOCKPIT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? throw new InvalidOperationException(
                "Browser tests need Chromium and none was found. Install Debian's package (apt-get install -y --no-install-recommends chromium) "
                + "or run the README's test command (scripts/test.sh), which installs it; or point SALESCOCKPIT_CHROMIUM at a Chromium binary.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
