using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.Teams.Import;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration;

/// <summary>Who reaches the people import, and the set-password page a new person's link opens (once).</summary>
public sealed class PeopleImportAccessTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("manager@demo.local")]
    [InlineData("rep1@demo.local")]
    public async Task OnlyAnAdminReachesThePeopleImport(string email)
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync(email);

        var response = await client.GetAsync(new Uri("/admin/people/import", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminReachesThePeopleImport()
    {
        using var client = fixture.App.CreateHttpClient();
        await client.SignInAsync("admin@demo.local");

        var page = await client.GetStringAsync(new Uri("/admin/people/import", UriKind.Relative));

        Assert.Contains("data-testid=\"import-file\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASetPasswordLinkWorksOnceAndThePersonSignsInWithTheirPassword()
    {
        var link = await ImportOneAsync("once@example.com");
        using var client = fixture.App.CreateHttpClient();

        var weak = await PostPasswordAsync(client, link, "short", "short");
        var mismatch = await PostPasswordAsync(client, link, "chosen123", "chosen124");
        var set = await PostPasswordAsync(client, link, "chosen123", "chosen123");
        var again = await client.GetStringAsync(link);
        var signIn = await client.SignInAsync("once@example.com", "chosen123");

        Assert.Contains("The password is too short", weak, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-error\"", mismatch, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"password-set\"", set, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-invalid\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.New\"", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadTokenIsRefusedWithAClearMessage()
    {
        var link = await ImportOneAsync("badtoken@example.com");
        using var client = fixture.App.CreateHttpClient();

        var tampered = await client.GetStringAsync(new Uri(link.OriginalString[..^4] + "AAAA"));
        var missing = await client.GetStringAsync(new Uri("/account/set-password", UriKind.Relative));

        Assert.Contains("This link does not work (any more)", tampered, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-invalid\"", missing, StringComparison.Ordinal);
    }

    private async Task<Uri> ImportOneAsync(string email)
    {
        var import = fixture.App.GetService<PeopleImport>();
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var adminId = await db.Users.Where(user => user.Email == "admin@demo.local").Select(user => user.Id).SingleAsync();
        var admin = new Viewer(adminId, "Admin", Roles.Admin, []);
        var preview = await import.PreviewAsync(admin, new MemoryStream(Encoding.UTF8.GetBytes($"Name,Email,Role,Team\nNew Person,{email},Rep,{TeamsDemoSeed.EastTeamName}\n")), "people.csv");
        var person = Assert.Single(await import.ImportAsync(admin, preview, fixture.App.BaseAddress));
        return new Uri(person.SetPasswordLink);
    }

    private static async Task<string> PostPasswordAsync(HttpClient client, Uri link, string password, string confirm)
    {
        var response = await client.PostFormAsync(link, "set-password", new Dictionary<string, string>
        {
            ["Input.New"] = password,
            ["Input.Confirm"] = confirm,
        });
        return await response.Content.ReadAsStringAsync();
    }
}
