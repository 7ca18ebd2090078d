using System.Net;
using System.Net.Http.Json;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;
using SalesCockpit.Tests.Localization;

namespace SalesCockpit.Tests.Integration;

[Collection(DemoAppSuite.Name)]
public class HostingTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task HealthReportsTheDatabaseItRunsOn()
    {
        using var client = fixture.App.CreateHttpClient();

        var report = await client.GetFromJsonAsync<HealthEndpoint.HealthReport>(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("healthy", report!.Status);
        Assert.Equal(TestDatabaseServer.Provider.ToString(), report.Provider);
        Assert.False(string.IsNullOrEmpty(report.EngineVersion));
    }

    [SqliteFact]
    public async Task SqliteIsNewerThanTheWalResetBug()
    {
        using var client = fixture.App.CreateHttpClient();

        var report = await client.GetFromJsonAsync<HealthEndpoint.HealthReport>(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("Sqlite", report!.Provider);
        Assert.True(Version.Parse(report.EngineVersion!) >= DatabaseInitializer.MinimumSqliteVersion, $"SQLite {report.EngineVersion} is older than 3.51.3");
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("app.css")]
    public async Task ServesTheFilesOfWwwrootAssets(string file)
    {
        using var client = fixture.App.CreateHttpClient();
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(ResourceParityTests.AppSourceDirectory(), "..", "wwwroot-assets", file));

        var served = await client.GetByteArrayAsync(new Uri("/" + file, UriKind.Relative));

        Assert.Equal(onDisk, served);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.GetAsync(new Uri("/teams/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressGetsTheFriendlyNotFoundPage()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInPageSpeaksTheBrowsersLanguageAndRemembersTheSwitch()
    {
        using var client = fixture.App.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        // Blazor escapes non-ASCII text as character references; decode to read it as a browser does.
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
        var switched = await client.GetAsync(new Uri("/culture?name=en-US&returnUrl=%2Faccount%2Flogin", UriKind.Relative));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));

        Assert.Contains("登录", chinese, StringComparison.Ordinal);
        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
        Assert.DoesNotContain("请使用工作邮箱登录", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCultureSwitchRefusesToRedirectOffSite()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.GetAsync(new Uri("/culture?name=zh-CN&returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
