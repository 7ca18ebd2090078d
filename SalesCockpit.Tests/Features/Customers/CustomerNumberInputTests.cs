using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Customers.Components;
using SalesCockpit.Features.Customers.Pages;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Customers;

/// <summary>Issue 22: pool settings and opportunity amounts never store a number nobody typed.</summary>
public class CustomerNumberInputTests : ComponentTestContext
{
    public CustomerNumberInputTests()
    {
        Services.AddSingleton<CustomerPool>();
        Services.AddSingleton<FollowUpLog>();
        Services.AddSingleton<PoolSettingsService>();
        Render<MudPopoverProvider>();
    }

    [Theory]
    [InlineData("en-US", "abc", "Not a valid number.")]
    [InlineData("zh-CN", "abc", "不是有效的数字。")]
    [InlineData("en-US", "2.5", "Enter a whole number.")]
    [InlineData("en-US", "99999999999", "This number is too large.")]
    [InlineData("en-US", "-1", "Between")]
    public async Task PoolSettingsRefuseAnUnreadableNumberAndKeepTheSavedOne(string culture, string typed, string message)
    {
        UseCulture(culture);
        var team = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(team);
        var settings = Services.GetRequiredService<PoolSettingsService>();
        var before = await settings.GetAsync(manager, team.Id);
        SignInAs(manager);
        var page = Render<PoolSettingsPage>();
        page.WaitForElement("input[data-testid=setting-PrivatePoolCapacity]");

        page.Find("input[data-testid=setting-PrivatePoolCapacity]").Change(typed);
        await page.Find("form[data-testid=settings-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("form[data-testid=settings-form]").TextContent));
        Assert.Equal(before.PrivatePoolCapacity, (await settings.GetAsync(manager, team.Id)).PrivatePoolCapacity);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-100")]
    public async Task AnOpportunityWithAnUnreadableAmountIsNotSaved(string typed)
    {
        var team = await Data.TeamAsync();
        var rep = await Data.RepAsync(team);
        var pool = Services.GetRequiredService<CustomerPool>();
        var customer = await pool.CreateAsync(rep, team.Id, new CustomerInput(
            "Suzhou Precision", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, CustomerLevel.Standard, null, []));
        SignInAs(rep);
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<OpportunityDialog>("", new DialogParameters<OpportunityDialog>
        {
            { d => d.Viewer, rep }, { d => d.CustomerId, customer },
        }));
        dialogs.WaitForElement("input[data-testid=opportunity-amount]");

        dialogs.Find("input[data-testid=opportunity-title]").Change("Annual subscription");
        dialogs.Find("input[data-testid=opportunity-amount]").Change(typed);
        await dialogs.Find("[data-testid=save-opportunity]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-input-error")));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=save-opportunity]"));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Empty(db.Set<Opportunity>());
    }
}
