using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Features.EveningReviews;

public sealed class JudgmentServiceTests : IDisposable
{
    private static readonly DateOnly Thursday = PlanTestContext.Thursday;
    private readonly PlanTestContext context = new(services => services.AddSingleton<CustomerOutcomes>().AddEveningReviews());

    private JudgmentService Judgments => context.Get<JudgmentService>();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task OnlyTheTeamsManagerJudgesOrReadsAJudgment()
    {
        var east = await context.Data.TeamAsync();
        var north = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var northManager = await context.Data.ManagerAsync(north);
        var opportunity = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, await context.CustomerAsync(east, rep, "Hengrui Machinery"));

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.SaveAsync(rep, opportunity.Id, ReviewTestData.Judgment()));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.GetAsync(rep, opportunity.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.SaveAsync(northManager, opportunity.Id, ReviewTestData.Judgment()));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.GetAsync(northManager, opportunity.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.StatusesAsync(northManager, east.Id));

        await Judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment());

        Assert.Equal("Meet the CFO with a phased price", (await Judgments.GetAsync(manager, opportunity.Id)).Judgment!.NextAction);
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => Judgments.GetAsync(northManager, opportunity.Id));
    }

    [Fact]
    public async Task TheNextActionIsSuggestedForTheRepsPlanUntilTheyFollowUpWithTheCustomerAfterTheJudgment()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui Machinery");
        var opportunity = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, customer);
        var friday = Thursday.AddDays(1);
        await Judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment("Meet the CFO", friday));

        var suggestion = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, friday), suggestion => suggestion.Key.StartsWith("judgment:", StringComparison.Ordinal));
        Assert.Equal((customer.Id, "Meet the CFO"), (suggestion.Visit!.CustomerId!.Value, suggestion.Visit.Purpose));
        Assert.Equal(NextActionState.Pending, (await Judgments.StatusesAsync(manager, east.Id))[opportunity.Id].State);

        // The manager's own call does not do the rep's action; the rep's follow-up after the judgment does.
        context.Clock.Advance(TimeSpan.FromHours(2));
        await context.FollowUpAsync(customer, manager, context.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(NextActionState.Pending, (await Judgments.StatusesAsync(manager, east.Id))[opportunity.Id].State);
        await context.FollowUpAsync(customer, rep, context.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(NextActionState.Done, (await Judgments.StatusesAsync(manager, east.Id))[opportunity.Id].State);
        Assert.Equal(NextActionState.Done, (await Judgments.GetAsync(manager, opportunity.Id)).Judgment!.State);
        Assert.DoesNotContain(await context.Suggestions.ForAsync(rep, east.Id, friday), suggestion => suggestion.Key.StartsWith("judgment:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANextActionIsShownAsComingUpInTheDaysBeforeItIsDue()
    {
        context.SetShanghaiTime(Thursday, 23, 30); // Thursday night in Shanghai, 15:30 UTC
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var soon = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, await context.CustomerAsync(east, rep, "Hengrui Machinery"));
        var later = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, await context.CustomerAsync(east, rep, "Ruifeng Leasing"));
        var sunday = Thursday.AddDays(3);
        await Judgments.SaveAsync(manager, soon.Id, ReviewTestData.Judgment("Meet the CFO", sunday));
        await Judgments.SaveAsync(manager, later.Id, ReviewTestData.Judgment("Send the phased offer", sunday.AddDays(1)));

        var suggestion = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday), suggestion => suggestion.Key.StartsWith("judgment:", StringComparison.Ordinal));

        Assert.Equal("Meet the CFO", suggestion.Visit!.Purpose);
        Assert.StartsWith("Coming up", suggestion.Reason, StringComparison.Ordinal);
        Assert.False(suggestion.Urgent);
        var onTheDay = await context.Suggestions.ForAsync(rep, east.Id, sunday);
        Assert.NotEmpty(onTheDay);
        Assert.DoesNotContain(onTheDay.Where(candidate => candidate.Visit?.Purpose == "Meet the CFO"), candidate => candidate.Reason.StartsWith("Coming up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFollowUpBeforeTheJudgmentDoesNotCountAndTheActionIsOverdueAfterItsDate()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Hengrui Machinery");
        var opportunity = await ReviewTestData.OpportunityAsync(context.Database, context.Clock, customer);
        await context.FollowUpAsync(customer, rep, context.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        await Judgments.SaveAsync(manager, opportunity.Id, ReviewTestData.Judgment("Meet the CFO", Thursday));

        context.SetShanghaiTime(Thursday.AddDays(1), 9);

        Assert.Equal(NextActionState.Overdue, (await Judgments.StatusesAsync(manager, east.Id))[opportunity.Id].State);
        Assert.True(Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(1)), suggestion => suggestion.Key.StartsWith("judgment:", StringComparison.Ordinal)).Urgent);
    }
}
