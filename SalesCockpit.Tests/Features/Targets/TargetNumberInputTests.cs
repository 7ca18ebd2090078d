using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Targets.Pages;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Targets;

/// <summary>Issue 22: a number that cannot be read never replaces a saved target.</summary>
public class TargetNumberInputTests : ComponentTestContext
{
    private static readonly TargetPeriod November = new(PeriodKind.Month, new DateOnly(2026, 11, 1));

    public TargetNumberInputTests()
    {
        Services.AddSingleton<CustomerOutcomes>();
        Services.AddSingleton<TargetPlanner>();
        Services.AddScoped<TargetBoard>();
    }

    [Theory]
    [InlineData("abc", "Not a valid number")]
    [InlineData("2.5", "Enter a whole number")]
    [InlineData("99999999999", "This number is too large")]
    public async Task AnUnreadableStandardTargetIsRefusedAndTheSavedOneStays(string typed, string message)
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(null, null, 7), null)]);
        SignInAs(manager);
        var page = Render<SetTargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=sheet-Visits]"));

        page.Find("input[data-testid=sheet-Visits]").Change(typed);
        await page.WaitForElement("[data-testid=save-targets]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[data-testid=target-sheet]").TextContent));
        Assert.Equal(7, (await Planner.GetSheetAsync(manager, team.Id, November)).Rows.Single().Standard.Visits);
        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task ANegativeStandardTargetIsRefusedBesideTheField()
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(100_00, null, 7), null)]);
        SignInAs(manager);
        var page = Render<SetTargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=sheet-Visits]"));

        page.Find("input[data-testid=sheet-Visits]").Change("-1");
        page.Find("input[data-testid=sheet-Revenue]").Change("-100");
        await page.WaitForElement("[data-testid=save-targets]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Enter a whole number from 0 to", page.Find("[data-testid=target-sheet]").TextContent));
        var saved = (await Planner.GetSheetAsync(manager, team.Id, November)).Rows.Single().Standard;
        Assert.Equal(7, saved.Visits);
        Assert.Equal(100_00, saved.Revenue);
    }

    [Fact]
    public async Task AFullWidthDigitIsReadAsTheDigit()
    {
        var (team, manager, rep) = await TeamAsync();
        SignInAs(manager);
        var page = Render<SetTargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=sheet-Visits]"));

        page.Find("input[data-testid=sheet-Visits]").Change("７");
        await page.WaitForElement("[data-testid=save-targets]").ClickAsync(new());

        Assert.Equal(7, (await Planner.GetSheetAsync(manager, team.Id, November)).Rows.Single().Standard.Visits);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2.5")]
    [InlineData("-1")]
    public async Task AnUnreadableStretchTargetIsRefusedAndTheSavedOneStays(string typed)
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStretchAsync(rep, team.Id, November, new TargetValues(null, null, 9), null);
        SignInAs(rep);
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<StretchDialog>("", new DialogParameters<StretchDialog>
        {
            { d => d.Viewer, rep }, { d => d.TeamId, team.Id }, { d => d.Period, November },
            { d => d.Measures, [TargetMeasure.Visits] }, { d => d.Standard, new TargetValues(null, null, null) },
        }));
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=stretch-Visits]"));

        dialogs.Find("input[data-testid=stretch-Visits]").Change(typed);
        await dialogs.Find("[data-testid=save-stretch]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-input-error")));
        Assert.NotEmpty(dialogs.FindAll("input[data-testid=stretch-Visits]"));
        Assert.Equal(9, (await Planner.GetStretchAsync(rep, team.Id, November)).Values.Visits);
    }

    private TargetPlanner Planner => Services.GetRequiredService<TargetPlanner>();

    private async Task<(Team Team, Viewer Manager, Viewer Rep)> TeamAsync()
    {
        var team = await Data.TeamAsync("East");
        var manager = await Data.ManagerAsync(team);
        var rep = await Data.RepAsync(team);
        await new PoolSettingsService(Database, Bus, Clock).UpdateAsync(manager, team.Id, new CustomerPoolSettings { ValidLeadCriteria = [] });
        return (team, manager, rep);
    }
}
