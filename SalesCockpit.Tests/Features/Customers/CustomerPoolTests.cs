using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Tests.Features.Customers;

public sealed class CustomerPoolTests : IDisposable
{
    private readonly CustomerServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task ClaimingTakesTheCustomerStartsItsClockAndTellsTheTeam()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var id = await services.PoolCustomerAsync(team, manager);

        await services.Pool.ClaimAsync(rep, id);

        var details = await services.Directory.GetAsync(rep, id);
        Assert.Equal(rep.UserId, details.OwnerId);
        Assert.Equal(15, details.Countdown!.DaysLeft);
        Assert.Contains(services.Bus.Published, published => published.Topic == CustomerTopics.Pool && published.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var timeline = await services.Directory.TimelineAsync(rep, id);
        Assert.Contains(timeline, entry => entry.EventKind == CustomerEventKind.Claimed && entry.ActorName == rep.DisplayName);
    }

    [Fact]
    public async Task AClaimAtCapacityIsRefusedWithTheReason()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        await services.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { PrivatePoolCapacity = 1 });
        await services.OwnedCustomerAsync(team, rep);
        var id = await services.PoolCustomerAsync(team, manager);

        var refused = await Assert.ThrowsAsync<PoolRuleException>(() => services.Pool.ClaimAsync(rep, id));

        Assert.Equal("Claim_AtCapacity", refused.ReasonKey);
        Assert.Null((await services.Directory.GetAsync(rep, id)).OwnerId);
    }

    [Fact]
    public async Task WonCustomersCountAgainstCapacityOnlyWhenTheTeamSaysSo()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        await services.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { PrivatePoolCapacity = 1, WonCountAgainstCapacity = false });
        var won = await services.OwnedCustomerAsync(team, rep);
        await services.Pool.MarkWonAsync(rep, won, "signed");
        var id = await services.PoolCustomerAsync(team, manager);

        await services.Pool.ClaimAsync(rep, id);

        Assert.Equal(rep.UserId, (await services.Directory.GetAsync(rep, id)).OwnerId);
    }

    [Fact]
    public async Task AReleasedCustomerCannotBeReclaimedByTheSameRepDuringTheCoolDown()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep);

        await services.Pool.ReleaseAsync(rep, id, "not our persona");
        var refused = await Assert.ThrowsAsync<PoolRuleException>(() => services.Pool.ClaimAsync(rep, id));
        await services.Pool.ClaimAsync(colleague, id);

        Assert.Equal("Claim_CoolDown", refused.ReasonKey);
        Assert.Equal(new DateOnly(2026, 12, 26), refused.Arguments[0]);
        var history = await services.Directory.TimelineAsync(manager, id);
        Assert.Contains(history, entry => entry.EventKind == CustomerEventKind.Released && entry.Reason == "not our persona" && entry.FromName == rep.DisplayName);
    }

    [Fact]
    public async Task TheDailyClaimLimitCountsTheTeamsDayNotUtc()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        await services.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { DailyClaimLimit = 1 });
        var first = await services.PoolCustomerAsync(team, manager);
        var second = await services.PoolCustomerAsync(team, manager);

        await services.Pool.ClaimAsync(rep, first);
        var refused = await Assert.ThrowsAsync<PoolRuleException>(() => services.Pool.ClaimAsync(rep, second));
        services.Clock.Advance(TimeSpan.FromHours(15)); // 00:00 next day in Shanghai
        await services.Pool.ClaimAsync(rep, second);

        Assert.Equal("Claim_DailyLimit", refused.ReasonKey);
    }

    [Fact]
    public async Task CreatingADuplicateIsRefusedNamingWhoHoldsIt()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        await services.OwnedCustomerAsync(team, rep, "苏州恒瑞精密机械有限公司");
        await services.Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Acme Trading Co., Ltd.", "+86 138 0013 8000"));

        var byName = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Pool.CreateAsync(colleague, team.Id, CustomerServices.Input("苏州 恒瑞 精密机械")));
        var byPhone = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Pool.CreateAsync(colleague, team.Id, CustomerServices.Input("Another name", "13800138000")));

        var error = Assert.Single(byName.Errors);
        Assert.Equal(("Name", "Duplicate_HeldBy"), (error.Field, error.MessageKey));
        Assert.Equal(rep.DisplayName, error.Arguments[1]);
        Assert.Equal("Phone", Assert.Single(byPhone.Errors).Field);
    }

    [Fact]
    public async Task TheDuplicateCheckSaysWhereWithoutOpeningAColleaguesCustomer()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        var held = await services.OwnedCustomerAsync(team, colleague, "Held Co., Ltd.");
        var pool = await services.PoolCustomerAsync(team, manager, "In The Pool Ltd");

        var heldMatch = await services.Directory.FindDuplicateAsync(rep, team.Id, "HELD", null);
        var poolMatch = await services.Directory.FindDuplicateAsync(rep, team.Id, "in the pool", null);

        Assert.Equal((null, DuplicatePlace.Colleague, colleague.DisplayName), (heldMatch!.CustomerId, heldMatch.Place, heldMatch.HolderName));
        Assert.Equal((pool, DuplicatePlace.PublicPool), (poolMatch!.CustomerId, poolMatch.Place));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.GetAsync(rep, held));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.TimelineAsync(rep, held));
        Assert.Null(await services.Directory.FindDuplicateAsync(rep, team.Id, "Nobody Ltd", null));
    }

    [Fact]
    public async Task OtherSpellingsOfACustomerAreShownAsNearMatchesWithoutBlocking()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        var north = await services.Data.TeamAsync();
        var northRep = await services.Data.RepAsync(north);
        await services.OwnedCustomerAsync(team, colleague, "瑞丰融资租赁（苏州）有限公司");
        await services.OwnedCustomerAsync(team, colleague, "恒瑞机械");
        var matches = new CustomerNameMatches(services.Database);

        Assert.Null(await services.Directory.FindDuplicateAsync(rep, team.Id, "苏州瑞丰", null));
        var near = Assert.Single(await matches.NearAsync(rep, team.Id, "苏州瑞丰"));
        Assert.Equal(("瑞丰融资租赁（苏州）有限公司", DuplicatePlace.Colleague, (int?)null, colleague.DisplayName), (near.Name, near.Place, near.CustomerId, near.HolderName));
        Assert.Equal("瑞丰融资租赁（苏州）有限公司", Assert.Single(await matches.NearAsync(rep, team.Id, "苏州瑞丰融资租赁")).Name);
        Assert.Empty(await matches.NearAsync(rep, team.Id, "苏州华光"));
        Assert.Empty(await matches.NearAsync(northRep, north.Id, "苏州瑞丰"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => matches.NearAsync(northRep, team.Id, "苏州瑞丰"));

        var mine = await services.OwnedCustomerAsync(team, rep, "苏州瑞丰");
        Assert.Equal("瑞丰融资租赁（苏州）有限公司", Assert.Single(await matches.NearAsync(rep, team.Id, "苏州瑞丰", exceptCustomerId: mine)).Name);
    }

    [Fact]
    public async Task ARepOfAnotherTeamCanNeitherReadNorClaimByIdNorCheckDuplicates()
    {
        var east = await services.Data.TeamAsync();
        var north = await services.Data.TeamAsync();
        var eastManager = await services.Data.ManagerAsync(east);
        var northRep = await services.Data.RepAsync(north);
        var id = await services.PoolCustomerAsync(east, eastManager, "East only Ltd");

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.GetAsync(northRep, id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.TimelineAsync(northRep, id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Pool.ClaimAsync(northRep, id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.FindDuplicateAsync(northRep, east.Id, "East only", null));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.ListAsync(northRep, new CustomerQuery(east.Id, CustomerScope.Pool)));
        Assert.Null((await services.Directory.GetAsync(eastManager, id)).OwnerId);
    }

    [Fact]
    public async Task RepsSeeOnlyTheirOwnAndThePoolManagersSeeTheTeam()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        await services.OwnedCustomerAsync(team, rep, "Mine Ltd");
        await services.OwnedCustomerAsync(team, colleague, "Theirs Ltd");
        await services.PoolCustomerAsync(team, manager, "Pool Ltd");

        var mine = await services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine));
        var pool = await services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Pool));
        var all = await services.Directory.ListAsync(manager, new CustomerQuery(team.Id, CustomerScope.Team, Sort: CustomerSort.Name));

        Assert.Equal(["Mine Ltd"], mine.Rows.Select(row => row.Name));
        Assert.Equal(["Pool Ltd"], pool.Rows.Select(row => row.Name));
        Assert.Equal(["Mine Ltd", "Pool Ltd", "Theirs Ltd"], all.Rows.Select(row => row.Name));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Team)));
    }

    [Fact]
    public async Task ListsFilterByFitAndDaysToFlowBackAndPageOnTheServer()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        await services.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { PersonaIndustries = [Industry.Manufacturing] });
        for (var i = 0; i < 7; i++)
        {
            await services.OwnedCustomerAsync(team, rep, $"Customer {i}", i < 2 ? CustomerLevel.Small : CustomerLevel.Key);
        }

        await services.Pool.CreateAsync(rep, team.Id, CustomerServices.Input("Retailer") with { Industry = Industry.Retail });

        var strong = await services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine, Fit: PersonaFit.Strong, PageSize: 3, Page: 2));
        var weak = await services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine, Fit: PersonaFit.Weak));
        var soon = await services.Directory.ListAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine, FlowBackWithinDays: 7));

        Assert.Equal(7, strong.Total);
        Assert.Single(strong.Rows);
        Assert.Equal(["Retailer"], weak.Rows.Select(row => row.Name));
        Assert.Equal(["Customer 0", "Customer 1"], soon.Rows.Select(row => row.Name));
    }

    [Fact]
    public async Task ALeadBecomesAValidLeadOnlyWhenTheChecklistIsMet()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep);

        var refused = await Assert.ThrowsAsync<PoolRuleException>(() => services.Pool.PromoteToValidLeadAsync(rep, id));
        var before = await services.Directory.GetAsync(rep, id);
        await services.Pool.SetCriterionAsync(rep, id, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await services.Pool.SetCriterionAsync(rep, id, CustomerPoolSettings.BudgetKnownCriterion, true);
        var version = (await services.Directory.GetAsync(rep, id)).Version;
        await services.Pool.UpdateAsync(rep, id, CustomerServices.Input(before.Name, contacts: new ContactInput("Wang", "CEO", null, null, true)), version);
        await services.Pool.PromoteToValidLeadAsync(rep, id);

        Assert.Equal("ValidLead_Missing", refused.ReasonKey);
        Assert.Equal(3, before.MissingCriteria.Count());
        Assert.Equal(CustomerStatus.ValidLead, (await services.Directory.GetAsync(rep, id)).Status);
        var lead = await services.OwnedCustomerAsync(team, rep);
        await Assert.ThrowsAsync<PoolRuleException>(() => services.FollowUps.AddOpportunityAsync(rep, lead, new OpportunityInput("Deal", 1000m, OpportunityStage.Discovery, null)));
    }

    [Fact]
    public async Task AStaleEditIsRefused()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep, "Version Ltd");
        var version = (await services.Directory.GetAsync(rep, id)).Version;

        await services.Pool.UpdateAsync(rep, id, CustomerServices.Input("Version Ltd") with { Region = "A" }, version);

        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Pool.UpdateAsync(rep, id, CustomerServices.Input("Version Ltd") with { Region = "B" }, version));
    }

    [Fact]
    public async Task HandoverMovesAllOfARepsCustomersWithHistory()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var leaver = await services.Data.RepAsync(team);
        var successor = await services.Data.RepAsync(team);
        var first = await services.OwnedCustomerAsync(team, leaver);
        var second = await services.OwnedCustomerAsync(team, leaver);
        await services.FollowUpAsync(leaver, first);

        var toSuccessor = await services.Pool.HandOverAsync(manager, team.Id, leaver.UserId, [first], successor.UserId, "leaving");
        var toPool = await services.Pool.HandOverAsync(manager, team.Id, leaver.UserId, null, null, "leaving");

        Assert.Equal((1, 1), (toSuccessor, toPool));
        var handedOver = await services.Directory.GetAsync(successor, first);
        Assert.Equal(successor.UserId, handedOver.OwnerId);
        var timeline = await services.Directory.TimelineAsync(successor, first);
        Assert.Contains(timeline, entry => entry.Kind == TimelineEntryKind.FollowUp && entry.ActorName == leaver.DisplayName);
        Assert.Contains(timeline, entry => entry.EventKind == CustomerEventKind.HandedOver && entry.FromName == leaver.DisplayName && entry.ToName == successor.DisplayName);
        Assert.Null((await services.Directory.GetAsync(manager, second)).OwnerId);
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Pool.HandOverAsync(leaver, team.Id, successor.UserId, null, null, null));
    }

    [Fact]
    public async Task ManyRepsClaimingOneCustomerAtOnceLeaveExactlyOneOwner()
    {
        using var onDisk = new CustomerServices(onDisk: true);
        var team = await onDisk.Data.TeamAsync();
        var manager = await onDisk.Data.ManagerAsync(team);
        var reps = new List<Viewer>();
        for (var i = 0; i < 8; i++)
        {
            reps.Add(await onDisk.Data.RepAsync(team));
        }

        var id = await onDisk.PoolCustomerAsync(team, manager);

        var attempts = await Task.WhenAll(reps.Select(rep => Task.Run(async () =>
        {
            try
            {
                await onDisk.Pool.ClaimAsync(rep, id);
                return (rep, (string?)null);
            }
            catch (PoolRuleException refused)
            {
                return (rep, refused.ReasonKey);
            }
        })));

        var winner = Assert.Single(attempts, attempt => attempt.Item2 is null).rep;
        Assert.All(attempts.Where(attempt => attempt.Item2 is not null), attempt => Assert.Equal("Claim_AlreadyTaken", attempt.Item2));
        Assert.Equal(winner.UserId, (await onDisk.Directory.GetAsync(manager, id)).OwnerId);
        await using var db = await onDisk.Database.CreateDbContextAsync();
        Assert.Equal(1, await db.Set<CustomerEvent>().CountAsync(customerEvent => customerEvent.CustomerId == id && customerEvent.Kind == CustomerEventKind.Claimed));
    }
}
