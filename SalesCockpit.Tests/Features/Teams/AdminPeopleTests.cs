using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.Teams.Admin;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Teams;

/// <summary>Deactivating a person who still holds customers offers the handover first (Teams asks through IHeldCustomers).</summary>
public sealed class AdminPeopleTests : ComponentTestContext
{
    public AdminPeopleTests()
    {
        Services.AddSingleton<PeopleAdministration>();
        Services.AddCustomers();
    }

    [Theory]
    [InlineData("en-US", "still holds 1 customer.", "Hand over first")]
    [InlineData("zh-CN", "名下还有 1 个客户。", "先交接客户")]
    public async Task DeactivatingARepWhoHoldsACustomerOffersTheHandoverFirst(string culture, string warning, string handOver)
    {
        UseCulture(culture);
        var team = await Data.TeamAsync("East");
        var rep = await Data.RepAsync(team);
        await Services.GetRequiredService<CustomerPool>().CreateAsync(rep, team.Id, new CustomerInput(
            "Suzhou Precision", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, CustomerLevel.Standard, null, []));
        SignInAs(await Data.AdminAsync());
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminPeople>();

        // The click waits for the message box's answer, so it is not awaited here.
        _ = page.WaitForElement("[data-testid=deactivate]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(rep.DisplayName + " " + warning, dialogs.Find(".mud-dialog-content").TextContent, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(button => button.TextContent.Trim() == handOver).ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/customers/handover?team={team.Id}&from={Uri.EscapeDataString(rep.UserId)}", navigation.Uri, StringComparison.Ordinal));
    }
}
