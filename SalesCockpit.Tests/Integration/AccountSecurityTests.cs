using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>Each test owns an app, because it changes accounts or the clock.</summary>
public class AccountSecurityTests
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightOne()
    {
        using var app = new AppHost();
        using var client = app.CreateHttpClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync("rep3@demo.local", "wrong-password1");
        }

        var response = await client.SignInAsync("rep3@demo.local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivationEndsAnOpenSessionWithinAMinuteAndBlocksSignIn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new AppHost { Clock = clock };
        using var rep = app.CreateHttpClient();
        await rep.SignInAsync("rep4@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await DeactivateAsync(app, "rep4@demo.local");
        clock.Advance(TimeSpan.FromSeconds(59));
        var afterAMinute = await rep.GetAsync(new Uri("/", UriKind.Relative));
        using var again = app.CreateHttpClient();
        var signInAgain = await again.SignInAsync("rep4@demo.local");

        Assert.Equal(HttpStatusCode.Redirect, afterAMinute.StatusCode);
        Assert.StartsWith("/account/login", afterAMinute.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("This account cannot sign in", await signInAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonChangesTheirPasswordAndSignsInWithTheNewOne()
    {
        using var app = new AppHost();
        using var client = app.CreateHttpClient();
        await client.SignInAsync("rep5@demo.local");
        var form = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var wrongConfirm = Form(token, SalesCockpit.Infrastructure.Data.DemoSeeder.DemoPassword, "brand-new-2026", "different-2026");
        var mismatch = await client.PostAsync(new Uri("/account/password", UriKind.Relative), wrongConfirm);
        using var shortAndWrongConfirm = Form(token, SalesCockpit.Infrastructure.Data.DemoSeeder.DemoPassword, "short1", "short2");
        var shortAndMismatch = await client.PostAsync(new Uri("/account/password", UriKind.Relative), shortAndWrongConfirm);
        using var valid = Form(token, SalesCockpit.Infrastructure.Data.DemoSeeder.DemoPassword, "brand-new-2026", "brand-new-2026");
        var changed = await client.PostAsync(new Uri("/account/password", UriKind.Relative), valid);
        using var fresh = app.CreateHttpClient();
        var oldPassword = await fresh.SignInAsync("rep5@demo.local");
        var newPassword = await fresh.SignInAsync("rep5@demo.local", "brand-new-2026");

        Assert.Contains("The two new passwords differ.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var both = await shortAndMismatch.Content.ReadAsStringAsync();
        Assert.Contains("The password is too short: at least 8 characters.", both, StringComparison.Ordinal);
        Assert.Contains("The two new passwords differ.", both, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"password-changed\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);

        static FormUrlEncodedContent Form(string token, string current, string next, string confirm) => new(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = confirm,
        });
    }

    [Fact]
    public async Task ACopiedCookieNoLongerOpensCustomersAfterSignOut()
    {
        using var app = new AppHost();
        using var rep = app.CreateHttpClient();
        var signIn = await rep.SignInAsync("rep2@demo.local");
        var authCookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
            .Where(cookie => cookie.StartsWith("salescockpit.auth", StringComparison.Ordinal))
            .Select(cookie => cookie.Split(';')[0]));
        Assert.NotEmpty(authCookie);
        using var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", authCookie);
        var beforeSignOut = await copy.GetAsync(new Uri("/customers", UriKind.Relative));

        using var nothing = new StringContent("");
        var signOut = await rep.PostAsync(new Uri("/account/logout", UriKind.Relative), nothing);
        var afterSignOut = await copy.GetAsync(new Uri("/customers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/account/login", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRevalidationIntervalIsUnderAMinute() =>
        Assert.True(ActivePersonRevalidatingAuthenticationStateProvider.Interval < TimeSpan.FromMinutes(1));

    private static async Task DeactivateAsync(AppHost app, string email)
    {
        var access = app.GetService<Microsoft.EntityFrameworkCore.IDbContextFactory<SalesCockpit.Infrastructure.Data.AppDbContext>>();
        await using var db = await access.CreateDbContextAsync();
        var adminId = db.Users.Single(user => user.Email == "admin@demo.local").Id;
        var userId = db.Users.Single(user => user.Email == email).Id;
        var admin = (await TeamAccess.LoadViewerAsync(db, adminId, CancellationToken.None))!;
        await app.GetService<PeopleAdministration>().SetActiveAsync(admin, userId, active: false);
    }
}
