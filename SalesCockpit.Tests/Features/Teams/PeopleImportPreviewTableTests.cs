using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Teams.Admin;
using SalesCockpit.Features.Teams.Import;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Teams;

public sealed class PeopleImportPreviewTableTests : ComponentTestContext
{
    [Fact]
    public async Task APreviewWithAnInvalidRowShowsTheRowsMessage()
    {
        using var identity = IdentityTestServices.Build(Database);
        var import = new PeopleImport(Database, identity.GetRequiredService<IServiceScopeFactory>(), Bus, Clock);
        var admin = await Data.AdminAsync();
        var preview = await import.PreviewAsync(admin, new MemoryStream(Encoding.UTF8.GetBytes("Name,E-mail,Role,Team,Manager\nBad Row,not-an-email,Rep,Import Team,\n")), "people.csv");

        var table = Render<PeopleImportPreviewTable>(parameters => parameters.Add(component => component.Preview, preview).Add(component => component.FileName, "people.csv"));

        table.WaitForAssertion(() => Assert.Contains("Enter a valid e-mail address.", table.Find("[data-testid=row-error]").TextContent, StringComparison.Ordinal));
    }
}
