using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;

namespace SalesCockpit.Tests.Features.Customers;

public sealed class FlowBackTests : IDisposable
{
    private readonly CustomerServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task FlowsBackAfterHoldDaysWithoutFollowUpAndOnlyOnce()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep); // claimed 26 Nov, standard: 15 days → 11 Dec

        services.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 15, 59, 59, TimeSpan.Zero)); // 23:59:59 on 10 Dec in Shanghai
        Assert.Equal(0, await services.FlowBack.RunAsync());
        services.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await services.FlowBack.RunAsync());
        Assert.Equal(0, await services.FlowBack.RunAsync());

        var details = await services.Directory.GetAsync(manager, id);
        Assert.Null(details.OwnerId);
        var flowedBack = Assert.Single(await services.Directory.TimelineAsync(manager, id), entry => entry.EventKind == CustomerEventKind.FlowedBack);
        Assert.Equal((rep.DisplayName, "Reason_NoFollowUp", (string?)null), (flowedBack.FromName, flowedBack.Reason, flowedBack.ActorName));
        Assert.Contains(services.Bus.Published, published => published.Topic == CustomerTopics.Pool && published.SubjectId is null);
    }

    [Fact]
    public async Task TwoJobsRunningTogetherMoveEachCustomerOnce()
    {
        using var onDisk = new CustomerServices(onDisk: true);
        var team = await onDisk.Data.TeamAsync();
        var rep = await onDisk.Data.RepAsync(team);
        for (var i = 0; i < 20; i++)
        {
            await onDisk.OwnedCustomerAsync(team, rep);
        }

        onDisk.Clock.Advance(TimeSpan.FromDays(20));
        var moved = await Task.WhenAll(Task.Run(() => onDisk.FlowBack.RunAsync()), Task.Run(() => onDisk.FlowBack.RunAsync()));

        Assert.Equal(20, moved.Sum());
        await using var db = await onDisk.Database.CreateDbContextAsync();
        Assert.Equal(20, await db.Set<CustomerEvent>().CountAsync(customerEvent => customerEvent.Kind == CustomerEventKind.FlowedBack));
    }

    [Fact]
    public async Task AFollowUpResetsTheClock()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep);
        services.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(5, (await services.Directory.GetAsync(rep, id)).Countdown!.DaysLeft);

        await services.FollowUpAsync(rep, id, next: new DateOnly(2026, 12, 8));

        var details = await services.Directory.GetAsync(rep, id);
        Assert.Equal(15, details.Countdown!.DaysLeft);
        Assert.Equal(new DateOnly(2026, 12, 8), details.NextFollowUpOn);
        services.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await services.FlowBack.RunAsync());
    }

    [Fact]
    public async Task ExemptOpportunitiesAndLockedCustomersStay()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var locked = await services.OwnedCustomerAsync(team, rep);
        await services.Pool.SetLockedAsync(rep, locked, true);
        var opportunity = await services.OwnedCustomerAsync(team, rep);
        await services.Pool.SetCriterionAsync(rep, opportunity, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await services.Pool.SetCriterionAsync(rep, opportunity, CustomerPoolSettings.BudgetKnownCriterion, true);
        var version = (await services.Directory.GetAsync(rep, opportunity)).Version;
        await services.Pool.UpdateAsync(rep, opportunity, CustomerServices.Input((await services.Directory.GetAsync(rep, opportunity)).Name, contacts: new ContactInput("Boss", null, null, null, true)), version);
        await services.Pool.PromoteToValidLeadAsync(rep, opportunity);
        await services.FollowUps.AddOpportunityAsync(rep, opportunity, new OpportunityInput("Phase 1", 120_000.50m, OpportunityStage.Proposal, null));
        var plain = await services.OwnedCustomerAsync(team, rep);

        services.Clock.Advance(TimeSpan.FromDays(40));
        await services.FlowBack.RunAsync();

        Assert.Equal(rep.UserId, (await services.Directory.GetAsync(rep, locked)).OwnerId);
        var kept = await services.Directory.GetAsync(rep, opportunity);
        Assert.Equal(rep.UserId, kept.OwnerId);
        Assert.Equal(120_000.50m, Assert.Single(kept.Opportunities).Amount);
        Assert.True(kept.Opportunities[0].IsStalled);
        var colleague = await services.Data.RepAsync(team);
        await Assert.ThrowsAsync<SalesCockpit.Features.Teams.TeamAccessDeniedException>(() => services.Directory.GetAsync(colleague, kept.Id));
        Assert.Null((await services.Directory.GetAsync(await services.Data.ManagerAsync(team), plain)).OwnerId);
    }

    [Fact]
    public async Task TheLockLimitIsEnforced()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        await services.Settings.UpdateAsync(manager, team.Id, new CustomerPoolSettings { LockLimit = 1 });
        await services.Pool.SetLockedAsync(rep, await services.OwnedCustomerAsync(team, rep), true);

        var refused = await Assert.ThrowsAsync<PoolRuleException>(async () => await services.Pool.SetLockedAsync(rep, await services.OwnedCustomerAsync(team, rep), true));

        Assert.Equal("Lock_LimitReached", refused.ReasonKey);
    }

    [Fact]
    public async Task ChangingTheHoldDaysRedatesHeldCustomers()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep);
        var settings = await services.Settings.GetAsync(manager, team.Id);

        settings.HoldDaysStandard = 5;
        await services.Settings.UpdateAsync(manager, team.Id, settings);

        Assert.Equal(5, (await services.Directory.GetAsync(rep, id)).Countdown!.DaysLeft);
    }

    [Fact]
    public async Task StalledOpportunitiesAreListedForTheManager()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var rep = await services.Data.RepAsync(team);
        var id = await services.OwnedCustomerAsync(team, rep, "Stalled Deal Ltd");
        await services.Pool.SetCriterionAsync(rep, id, CustomerPoolSettings.NeedConfirmedCriterion, true);
        await services.Pool.SetCriterionAsync(rep, id, CustomerPoolSettings.BudgetKnownCriterion, true);
        var details = await services.Directory.GetAsync(rep, id);
        await services.Pool.UpdateAsync(rep, id, CustomerServices.Input(details.Name, contacts: new ContactInput("Boss", null, null, null, true)), details.Version);
        await services.Pool.PromoteToValidLeadAsync(rep, id);
        await services.FollowUps.AddOpportunityAsync(rep, id, new OpportunityInput("Rollout", 50_000m, OpportunityStage.Negotiation, null));

        services.Clock.Advance(TimeSpan.FromDays(13));
        Assert.Empty(await services.Directory.StalledOpportunitiesAsync(manager, team.Id));
        services.Clock.Advance(TimeSpan.FromDays(1));
        var stalled = Assert.Single(await services.Directory.StalledOpportunitiesAsync(manager, team.Id));

        Assert.Equal(("Stalled Deal Ltd", rep.DisplayName), (stalled.CustomerName, stalled.OwnerName));
        await Assert.ThrowsAsync<SalesCockpit.Features.Teams.TeamAccessDeniedException>(() => services.Directory.StalledOpportunitiesAsync(rep, team.Id));
    }

    [Fact]
    public async Task MyDayListsFollowUpsDueTodayAndOverdue()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var today = new DateOnly(2026, 11, 26);
        await services.FollowUpAsync(rep, await services.OwnedCustomerAsync(team, rep, "Today Ltd"), today);
        var overdue = await services.OwnedCustomerAsync(team, rep, "Overdue Ltd");
        await services.FollowUps.AddFollowUpAsync(rep, overdue, new FollowUpInput(services.Clock.GetUtcNow().UtcDateTime.AddDays(-5), FollowUpKind.Visit, "Visited.", null, null, today.AddDays(-2)));
        await services.FollowUpAsync(rep, await services.OwnedCustomerAsync(team, rep, "Later Ltd"), today.AddDays(3));

        var day = await services.Directory.MyDayAsync(rep, team.Id);
        var counts = await services.Directory.MyDayCountsAsync(rep, team.Id);

        Assert.Equal(["Overdue Ltd", "Today Ltd"], day.DueFollowUps.Select(due => due.Name));
        Assert.Equal(2, day.DueFollowUps[0].DaysOverdue);
        Assert.Equal((1, 1), (counts.DueToday, counts.Overdue));
    }
}
