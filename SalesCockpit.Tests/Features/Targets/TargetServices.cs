using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Features.Customers;

namespace SalesCockpit.Tests.Features.Targets;

/// <summary>The target services over the customer services' test database, clock (26 Nov 2026, 09:00 Shanghai) and bus.</summary>
public sealed class TargetServices : IDisposable
{
    public TargetServices(IEnumerable<IDailyRhythmSource>? rhythm = null, IEnumerable<IHeroStorySource>? stories = null)
    {
        var teams = new TeamDirectory(Customers.Database);
        Outcomes = new CustomerOutcomes(Customers.Database);
        Planner = new TargetPlanner(Customers.Database, teams, Customers.Bus, Customers.Clock);
        Board = new TargetBoard(Customers.Database, teams, Outcomes, rhythm ?? [], stories ?? [], Customers.Clock);
    }

    public static TargetPeriod November { get; } = new(PeriodKind.Month, new DateOnly(2026, 11, 1));

    public CustomerServices Customers { get; } = new();

    public CustomerOutcomes Outcomes { get; }

    public TargetPlanner Planner { get; }

    public TargetBoard Board { get; }

    /// <summary>A team whose valid-lead checklist is empty, so leads can be promoted at once.</summary>
    public async Task<(Team Team, Viewer Manager)> TeamAsync()
    {
        var team = await Customers.Data.TeamAsync();
        var manager = await Customers.Data.ManagerAsync(team);
        await Customers.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { ValidLeadCriteria = [] });
        return (team, manager);
    }

    /// <summary>The rep wins a new customer with one opportunity of <paramref name="amount"/> yuan.</summary>
    public async Task<int> WinAsync(Team team, Viewer rep, decimal amount)
    {
        var id = await Customers.OwnedCustomerAsync(team, rep);
        await Customers.Pool.PromoteToValidLeadAsync(rep, id);
        await Customers.FollowUps.AddOpportunityAsync(rep, id, new OpportunityInput("Annual subscription", amount, OpportunityStage.Negotiation, null));
        await Customers.Pool.MarkWonAsync(rep, id, "signed");
        return id;
    }

    public async Task VisitAsync(Team team, Viewer rep)
    {
        var id = await Customers.OwnedCustomerAsync(team, rep);
        await Customers.FollowUps.AddFollowUpAsync(rep, id, new FollowUpInput(Customers.Clock.GetUtcNow().UtcDateTime, FollowUpKind.Visit, "Visited the plant with the IT lead.", null, null, null));
    }

    public Task SetStandardAsync(Viewer manager, Team team, Viewer rep, TargetValues values) =>
        Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, values, null)]);

    public void Dispose() => Customers.Dispose();
}
