using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>Debian's headless Chromium driven by Playwright; each context is one person on one machine.</summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    public const string DemoPassword = "SalesCockpit#2026";
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly Uri baseAddress;

    private BenchBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.baseAddress = baseAddress;
    }

    public static async Task<BenchBrowser> LaunchAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("Needs Debian's Chromium: apt-get install -y --no-install-recommends chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        return new BenchBrowser(playwright, browser, baseAddress);
    }

    /// <summary>A new context signed in through the real sign-in form; its first page lands on <paramref name="path"/>, interactive.</summary>
    public async Task<IPage> SignInAsync(string email, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Another page in the same context (same person), on <paramref name="path"/>, interactive.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Pages are prerendered: a click before the circuit is attached is lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
