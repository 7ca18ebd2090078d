using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Browser;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

[Collection(PublishedAppSuite.Name)]
public partial class FirstRunTests(PublishedApp published)
{
    private const string AdminEmail = "first.admin@firm.example";

    [SqliteFact]
    public async Task TheAdminCommandOpensAFreshProductionInstallToItsFirstAdmin()
    {
        var data = published.NewDataFolder();
        await using var app = await published.StartAsync(data);

        var (exitCode, output, error) = await published.RunCommandAsync(data, ["admin", "create", "--email", AdminEmail, "--name", "Ada Admin"]);

        Assert.True(exitCode == 0, output + error);
        var password = GeneratedPassword().Match(output).Groups[1].Value;
        Assert.True(password.Length >= 16, $"No generated password in:\n{output}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, AdminEmail, password);

        await Assertions.Expect(page.GetByTestId("home-greeting")).ToContainTextAsync("Hello, Ada Admin");
        await Assertions.Expect(page.GetByText("Set up teams and people")).ToBeVisibleAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var styles = await page.Locator("link[rel=stylesheet]").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.NotEmpty(styles);
        foreach (var href in styles)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(href, UriKind.Relative))).StatusCode);
        }
    }

    [SqliteFact]
    public async Task RunningTheAdminCommandAgainChangesNothingAndSaysSo()
    {
        var data = published.NewDataFolder();
        var first = await published.RunCommandAsync(data, ["admin", "create", "--email", AdminEmail, "--password", "-"], input: "chosen-password-7");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.DoesNotContain("Password:", first.Output, StringComparison.Ordinal);

        var again = await published.RunCommandAsync(data, ["admin", "create", "--email", AdminEmail]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"An account with the e-mail {AdminEmail} already exists; nothing was changed.", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password:", again.Output, StringComparison.Ordinal);
        await using var app = await published.StartAsync(data);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var signIn = await client.SignInAsync(AdminEmail, "chosen-password-7");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task AWeakPasswordIsRefusedWithTheReasonAndNoAccount()
    {
        var data = published.NewDataFolder();

        var (exitCode, _, error) = await published.RunCommandAsync(data, ["admin", "create", "--email", AdminEmail, "--password", "short"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Passwords must be at least 8 characters.", error, StringComparison.Ordinal);
        var again = await published.RunCommandAsync(data, ["admin", "create", "--email", AdminEmail, "--password", "long-enough-1"]);
        Assert.Contains($"Created administrator {AdminEmail}.", again.Output, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task AnEmailLongerThanTheAccountColumnIsRefusedWithTheReason()
    {
        var data = published.NewDataFolder();
        var email = "ada@" + string.Join('.', Enumerable.Repeat("subdomain", 30)) + ".example";
        Assert.True(email.Length > TeamRules.EmailMaxLength);

        var (exitCode, _, error) = await published.RunCommandAsync(data, ["admin", "create", "--email", email, "--name", "Ada Admin", "--password", "long-enough-1"]);

        Assert.True(exitCode == 1, error);
        Assert.Contains($"{TeamRules.EmailMaxLength}", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Password: (\S+)")]
    private static partial Regex GeneratedPassword();
}
