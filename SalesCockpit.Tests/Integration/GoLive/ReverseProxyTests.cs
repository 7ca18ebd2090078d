using System.Net;
using System.Text.RegularExpressions;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

/// <summary>The published app in Production, as nginx would call it on loopback after terminating TLS.</summary>
[Collection(PublishedAppSuite.Name)]
public sealed partial class ReverseProxyTests(PublishedApp published)
{
    private const string PublicHost = "sales.firm.example";
    private const string Email = "proxy.admin@firm.example";
    private const string Password = "behind-proxy-1";

    [SqliteFact]
    public async Task SignInRedirectsToHttpsAndSendsHstsWhenTheProxyReceivedHttps()
    {
        await using var app = await published.StartAsync(published.NewDataFolder());
        using var client = ViaProxy(app.BaseAddress);

        var response = await client.GetAsync(new Uri("/teams/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.Location!.OriginalString.StartsWith($"https://{PublicHost}/account/login", StringComparison.Ordinal), response.Headers.Location.OriginalString);
        var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.True(page.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS header");
        Assert.Contains("max-age=31536000", hsts.Single(), StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task AntiforgeryAndSignInCookiesAreSecureWhenTheProxyReceivedHttps()
    {
        var data = published.NewDataFolder();
        Assert.Equal(0, (await published.RunCommandAsync(data, ["admin", "create", "--email", Email, "--password", Password])).ExitCode);
        await using var app = await published.StartAsync(data);
        using var client = ViaProxy(app.BaseAddress);
        var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Assert.Single(SetCookies(form), cookie => cookie.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("https://", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var session = Assert.Single(SetCookies(signIn), cookie => cookie.StartsWith("salescockpit.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [SqliteFact]
    public async Task PlainHttpGetsNeitherHstsNorSecureCookies()
    {
        await using var app = await published.StartAsync(published.NewDataFolder());
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var cookies = SetCookies(response);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [SqliteFact]
    public async Task HeadersFromAProxyOutsideTheConfiguredNetworksAreIgnored()
    {
        await using var app = await published.StartAsync(published.NewDataFolder(), new Dictionary<string, string> { ["ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/8" });
        using var client = ViaProxy(app.BaseAddress);

        var response = await client.GetAsync(new Uri("/teams/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://127.0.0.1:", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False((await client.GetAsync(new Uri("/account/login", UriKind.Relative))).Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>No cookie jar: the browser talks https to the proxy and sends Secure cookies back, a jar would not over http.</summary>
    private static HttpClient ViaProxy(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", PublicHost);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        return client;
    }

    private static List<string> SetCookies(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
