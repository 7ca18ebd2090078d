using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Targets.Pages;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Targets;

public class TargetsComponentTests : ComponentTestContext
{
    private static readonly TargetPeriod November = new(PeriodKind.Month, new DateOnly(2026, 11, 1));

    public TargetsComponentTests()
    {
        Services.AddSingleton<CustomerOutcomes>();
        Services.AddSingleton<TargetPlanner>();
        Services.AddScoped<TargetBoard>();
    }

    [Fact]
    public async Task TheLeaderboardReloadsWhenADealIsWon()
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, null, null), null)]);
        var customer = await OpportunityAsync(team, rep, 50_000m);
        SignInAs(manager);
        var board = Render<Leaderboard>(parameters => parameters.Add(c => c.TeamId, team.Id).Add(c => c.Period, November).Add(c => c.Viewer, manager));
        board.WaitForAssertion(() => Assert.Equal("0%", board.Find("[data-testid=leaderboard-attainment]").TextContent));

        await new CustomerPool(Database, Bus, Clock).MarkWonAsync(rep, customer, "signed");

        board.WaitForAssertion(() => Assert.Equal("50%", board.Find("[data-testid=leaderboard-attainment]").TextContent));
        Assert.Contains(Bus.Published, published => published.Topic == CustomerTopics.Pool && published.TeamId == team.Id);
    }

    [Fact]
    public async Task ARepSeesTheirOwnRankAndTheirStretchTargetLabelledAsTheirOwn()
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, 4, 10), null)]);
        await Planner.SetStretchAsync(rep, team.Id, November, new TargetValues(150_000_00, 6, 15), null);
        SignInAs(rep);

        var page = Render<TargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=rep-targets]"));
        Assert.Contains("Stretch target (own)", page.Markup);
        Assert.Contains("¥150,000", page.Find("[data-testid=measure-Revenue]").TextContent);
        Assert.Contains("Rank 1 of 1", page.Find("[data-testid=own-rank]").TextContent);
        Assert.Contains("never used in assessment or ranking", page.Markup);
        Assert.NotNull(page.Find("[data-testid=edit-stretch]"));
    }

    [Fact]
    public async Task ARepWithoutAStandardTargetIsToldSoAndProgressStillCounts()
    {
        var (team, _, rep) = await TeamAsync();
        await OpportunityAsync(team, rep, 10_000m, won: true);
        SignInAs(rep);

        var page = Render<TargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=no-standard]"));
        Assert.Equal("¥10,000", page.Find("[data-testid=measure-Revenue] [data-testid=achieved]").TextContent);
    }

    [Fact]
    public async Task StreaksSayHonestlyThatTheyWaitForMorningPlansAndEveningReviews()
    {
        var (team, _, rep) = await TeamAsync();
        SignInAs(rep);

        var streaks = Render<StreakList>(parameters => parameters.Add(c => c.TeamId, team.Id).Add(c => c.Viewer, rep));

        streaks.WaitForAssertion(() => Assert.Contains("once morning plans and evening reviews are in use", streaks.Find("[data-testid=streaks-unavailable]").TextContent));
    }

    [Fact]
    public async Task TheHeroWallShowsTheTopRepsWithTheirWonDeals()
    {
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November, [new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, null, null), null)]);
        await OpportunityAsync(team, rep, 80_000m, won: true, name: "Suzhou Hengrui Precision Machinery");
        SignInAs(manager);

        var wall = Render<HeroWall>(parameters => parameters.Add(c => c.TeamId, team.Id).Add(c => c.Projector, true));

        wall.WaitForAssertion(() => Assert.Equal(rep.DisplayName, wall.Find("[data-testid=hero-name]").TextContent));
        Assert.Contains("Suzhou Hengrui Precision Machinery", wall.Markup);
        Assert.Contains("¥80,000", wall.Markup);
        Assert.Contains("appear here once evening reviews are in use", wall.Markup);
        Assert.NotNull(wall.Find("[data-testid=wall-ranking]"));
    }

    [Fact]
    public async Task AnotherTeamsPagesLookLikeNotFound()
    {
        var (east, _, _) = await TeamAsync();
        var north = await Data.TeamAsync("North");
        var northManager = await Data.ManagerAsync(north);
        SignInAs(northManager);

        var targets = Render<TargetsPage>(parameters => parameters.Add(c => c.TeamId, east.Id));
        var set = Render<SetTargetsPage>(parameters => parameters.Add(c => c.TeamId, east.Id));
        var wall = Render<HeroWall>(parameters => parameters.Add(c => c.TeamId, east.Id));

        targets.WaitForAssertion(() => targets.Find("[data-testid=not-found]"));
        set.WaitForAssertion(() => set.Find("[data-testid=not-found]"));
        wall.WaitForAssertion(() => wall.Find("[data-testid=not-found]"));
        await Bus.PublishAsync(new TeamEvent(east.Id, CustomerTopics.Pool));
        Assert.DoesNotContain("East", targets.Markup + wall.Markup);
    }

    [Fact]
    public async Task TheManagersSheetSpeaksChinese()
    {
        UseCulture("zh-CN");
        var (team, manager, rep) = await TeamAsync();
        await Planner.SetStandardTargetsAsync(manager, team.Id, November.Previous, [new StandardTargetInput(rep.UserId, new TargetValues(80_000_00, 6, 12), null)]);
        SignInAs(manager);

        var page = Render<SetTargetsPage>(parameters => parameters.Add(c => c.TeamId, team.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=sheet-row]"));
        Assert.Contains("设定考核目标", page.Markup);
        Assert.Contains("上期：¥80,000", page.Markup);
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

    private async Task<int> OpportunityAsync(Team team, Viewer rep, decimal amount, bool won = false, string? name = null)
    {
        var pool = new CustomerPool(Database, Bus, Clock);
        var id = await pool.CreateAsync(rep, team.Id, new CustomerInput(
            name ?? $"Customer {Guid.NewGuid():N}", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, CustomerLevel.Standard, null, []));
        await pool.PromoteToValidLeadAsync(rep, id);
        await new FollowUpLog(Database, Bus, Clock).AddOpportunityAsync(rep, id, new OpportunityInput("Annual subscription", amount, OpportunityStage.Negotiation, null));
        if (won)
        {
            await pool.MarkWonAsync(rep, id, "signed");
        }

        return id;
    }
}
