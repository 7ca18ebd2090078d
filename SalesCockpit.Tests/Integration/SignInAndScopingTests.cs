using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

[Collection(DemoAppSuite.Name)]
public class SignInAndScopingTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task ADemoAccountSignsInAndReachesHome()
    {
        using var client = fixture.App.CreateHttpClient();

        var signIn = await client.SignInAsync("rep1@demo.local");
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Zhang Wei", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAClearMessage()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.SignInAsync("rep2@demo.local", "not-the-password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sign-in-error\"", page, StringComparison.Ordinal);
        Assert.Contains("The e-mail or password is not correct.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFormGetsMessagesNextToTheFields()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.SignInAsync("", "");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"email-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"password-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepCannotOpenAdminPages()
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync("rep1@demo.local");

        foreach (var path in new[] { "/admin/people", "/admin/teams" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARepOrManagerCannotSeeAnotherTeamByGuessingItsAddress()
    {
        var north = await TeamIdAsync(TeamsDemoSeed.NorthTeamName);
        foreach (var email in new[] { "rep1@demo.local", "manager@demo.local" })
        {
            using var client = fixture.App.CreateHttpClient();
            await client.SignInAsync(email);

            var page = await client.GetStringAsync(new Uri($"/teams/{north}", UriKind.Relative));

            Assert.Contains("data-testid=\"not-found\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Sun Hao", page, StringComparison.Ordinal);
            Assert.DoesNotContain("North-2", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AManagerSeesTheirOwnTeam()
    {
        var east = await TeamIdAsync(TeamsDemoSeed.EastTeamName);
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync("manager@demo.local");

        var page = await client.GetStringAsync(new Uri($"/teams/{east}", UriKind.Relative));

        Assert.Contains("Zhang Wei", page, StringComparison.Ordinal);
        Assert.Contains("rep6@demo.local", page, StringComparison.Ordinal);
    }

    private async Task<int> TeamIdAsync(string name)
    {
        var factory = fixture.App.GetService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Set<Team>().Where(team => team.Name == name).Select(team => team.Id).SingleAsync();
    }
}
