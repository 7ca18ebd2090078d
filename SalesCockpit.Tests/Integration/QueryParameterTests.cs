using System.Net;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>Issue 22: out-of-range or malformed query parameters get a clear message or a sensible default, never the error page.</summary>
[Collection(DemoAppSuite.Name)]
public class QueryParameterTests(DemoAppFixture fixture)
{
    [Theory]
    [InlineData("/plan?day=9999-12-31", "plan-day-unavailable")]
    [InlineData("/plan?day=0001-01-01", "plan-day-unavailable")]
    [InlineData("/plan?day=not-a-date", "plan-day-unavailable")]
    [InlineData("/customers/pool?team=99999999999", "not-found")]
    [InlineData("/customers/pool?team=abc", "not-found")]
    [InlineData("/customers?team=99999999999", "not-found")]
    [InlineData("/customers/team?team=-1", "not-found")]
    [InlineData("/customers/settings?team=99999999999", "not-found")]
    [InlineData("/customers/stalled?team=1e9", "not-found")]
    [InlineData("/customers/my-day?team=x", "not-found")]
    [InlineData("/customers/new?team=99999999999", "not-found")]
    [InlineData("/teams/1/targets?period=9999-99", "")]
    [InlineData("/review?day=9999-12-31", "")]
    public async Task AMalformedParameterNeverBreaksThePage(string url, string expectedTestId)
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync("rep1@demo.local");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Something went wrong", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"{expectedTestId}", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1900-03-01")]
    public async Task AShareOutDayLongPastSaysItIsNotADayAndShowsToday(string day)
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync("rep1@demo.local");

        var response = await client.GetAsync(new Uri($"/teams/1/share-out?day={day}", UriKind.Relative));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Something went wrong", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"shareout-day-error\"", page, StringComparison.Ordinal);
        Assert.Contains($"\"{day}\" is not a day", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("north.rep1@demo.local", "/customers/pool")]
    [InlineData("north.rep1@demo.local", "/customers")]
    [InlineData("north.rep1@demo.local", "/customers/my-day")]
    [InlineData("north.rep1@demo.local", "/customers/new")]
    [InlineData("north.rep1@demo.local", "/customers/import")]
    [InlineData("north.rep1@demo.local", "/customers/stalled")]
    [InlineData("manager2@demo.local", "/customers/team")]
    [InlineData("manager2@demo.local", "/customers/settings")]
    [InlineData("manager2@demo.local", "/customers/handover")]
    public async Task AnotherTeamsAddressLooksNotFoundRatherThanSayingYouHaveNoTeam(string email, string path)
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync(email);

        var page = await client.GetStringAsync(new Uri(path + "?team=1", UriKind.Relative));

        Assert.Contains("data-testid=\"not-found\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-team\"", page, StringComparison.Ordinal);
    }
}
