using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Features.Customers;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

public class AttainmentPanelTests : ComponentTestContext
{
    private static readonly TargetPeriod November = new(PeriodKind.Month, new DateOnly(2026, 11, 1));

    public AttainmentPanelTests()
    {
        Services.AddSingleton<CustomerOutcomes>();
        Services.AddSingleton<TargetPlanner>();
        Services.AddScoped<TargetBoard>();
    }

    [Fact]
    public async Task ShowsEachRepsAttainmentAndMovesWhenADealIsWon()
    {
        var team = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(team);
        var rep = await Data.RepAsync(team);
        await new PoolSettingsService(Database, Bus, Clock).UpdateAsync(manager, team.Id, new CustomerPoolSettings { ValidLeadCriteria = [] });
        await Services.GetRequiredService<TargetPlanner>().SetStandardTargetsAsync(
            manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, null, null), null)]);
        var pool = new CustomerPool(Database, Bus, Clock);
        var customer = await pool.CreateAsync(rep, team.Id, CustomerServices.Input("Ningbo Harbour Logistics"));
        await pool.PromoteToValidLeadAsync(rep, customer);
        await new FollowUpLog(Database, Bus, Clock).AddOpportunityAsync(rep, customer, new OpportunityInput("Fleet tracking", 25_000m, OpportunityStage.Negotiation, null));

        var panel = Render<AttainmentPanel>(parameters => parameters
            .Add(p => p.TeamId, team.Id).Add(p => p.TimeZoneId, team.TimeZoneId).Add(p => p.Viewer, manager));
        panel.WaitForAssertion(() => Assert.Contains("0%", panel.Find("[data-testid=attainment-row]").TextContent));

        await pool.MarkWonAsync(rep, customer, "signed");

        panel.WaitForAssertion(() => Assert.Contains("25%", panel.Find("[data-testid=attainment-row]").TextContent));
        Assert.Contains(rep.DisplayName, panel.Markup);
    }

    [Fact]
    public async Task AWallDisplayOfAnotherTeamCannotReadTheTeamsTargets()
    {
        var east = await Data.TeamAsync();
        var north = await Data.TeamAsync();
        var display = Viewer.ForDisplay(3, new ViewerTeam(north.Id, north.Name, north.TimeZoneId, north.CurrencyCode));

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Services.GetRequiredService<TargetBoard>().GetProgressAsync(display, east.Id, November));
    }
}
