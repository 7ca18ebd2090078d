using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using static SalesCockpit.Tests.Features.MorningPlans.PlanTestContext;

namespace SalesCockpit.Tests.Features.MorningPlans;

public sealed class PlanSuggestionsTests : IDisposable
{
    private static readonly DateOnly Wednesday = Thursday.AddDays(-1);

    // Starts on Monday so that tests can make the week's earlier plans.
    private readonly PlanTestContext context = new(
        services => services.AddSingleton<IPlanSuggestionSource, AgreedActionSource>(),
        start: new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task SuggestsFollowUpsDueOrOverdueAndCustomersAboutToFlowBack()
    {
        context.SetShanghaiTime(Thursday, 9, 0);
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var dueToday = await context.CustomerAsync(east, rep, "Due Today Co", nextFollowUpOn: Thursday);
        var overdue = await context.CustomerAsync(east, rep, "Overdue Co", nextFollowUpOn: Thursday.AddDays(-3));
        await context.CustomerAsync(east, rep, "Later Co", nextFollowUpOn: Thursday.AddDays(2));
        var flowing = await context.CustomerAsync(east, rep, "Flowing Co", flowBackOn: Thursday.AddDays(2));
        await context.CustomerAsync(east, rep, "Safe Co", flowBackOn: Thursday.AddDays(20));

        var suggestions = await context.Suggestions.ForAsync(rep, east.Id, Thursday);

        Assert.Equal(
            [$"followup:{overdue.Id}:2026-11-23", $"followup:{dueToday.Id}:2026-11-26", $"flowback:{flowing.Id}:2026-11-28"],
            suggestions.Where(suggestion => suggestion.Visit is not null).Select(suggestion => suggestion.Key));
        Assert.True(suggestions.Single(suggestion => suggestion.Visit?.CustomerId == overdue.Id).Urgent);
        Assert.False(suggestions.Single(suggestion => suggestion.Visit?.CustomerId == dueToday.Id).Urgent);
    }

    [Fact]
    public async Task SuggestsYesterdaysVisitsThatDidNotHappen()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var visited = await context.CustomerAsync(east, rep, "Visited Co");
        var called = await context.CustomerAsync(east, rep, "Only Called Co");
        var missed = await context.CustomerAsync(east, rep, "Missed Co");
        context.SetShanghaiTime(Wednesday, 8, 0);
        await context.Plans.SaveAsync(rep, east.Id, Wednesday, Input("Goals", VisitTo(visited, "Demo"), VisitTo(called, "Meet the GM"), VisitTo(missed, "Quote"), Prospect("Walk-in Ltd")), submit: true);
        await context.FollowUpAsync(visited, rep, Shanghai(Wednesday, 10));
        await context.FollowUpAsync(called, rep, Shanghai(Wednesday, 15), FollowUpKind.Call);
        await context.FollowUpAsync(missed, rep, Shanghai(Thursday, 0, 30)); // the next day: too late for Wednesday's plan
        context.SetShanghaiTime(Thursday, 8, 0);

        var suggestions = await context.Suggestions.ForAsync(rep, east.Id, Thursday);

        var notDone = suggestions.Where(suggestion => suggestion.Key.StartsWith("missed:", StringComparison.Ordinal)).ToList();
        Assert.Equal([("Only Called Co", "Meet the GM"), ("Missed Co", "Quote")], notDone.Select(suggestion => (suggestion.Visit!.CustomerName, suggestion.Visit.Purpose!)));
        Assert.All(notDone, suggestion => Assert.Contains("yesterday", suggestion.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanningTomorrowTonightCarriesTodaysVisitsNotDoneYetUntilTheyAreDone()
    {
        context.SetShanghaiTime(Thursday, 8, 0);
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var visited = await context.CustomerAsync(east, rep, "Visited Co");
        var missed = await context.CustomerAsync(east, rep, "Missed Today Co");
        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(visited, "Demo"), VisitTo(missed, "Quote")), submit: true);
        await context.FollowUpAsync(visited, rep, Shanghai(Thursday, 10));
        context.SetShanghaiTime(Thursday, 21, 30); // 13:30 UTC: still Thursday in Shanghai

        var forTomorrow = await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(1));

        var carried = Assert.Single(forTomorrow, suggestion => suggestion.Key.StartsWith("missed:", StringComparison.Ordinal));
        Assert.Equal(("Missed Today Co", "Quote"), (carried.Visit!.CustomerName, carried.Visit.Purpose!));
        Assert.Equal("Planned for today; not done yet", carried.Reason);
        await context.FollowUpAsync(missed, rep, Shanghai(Thursday, 22));
        Assert.DoesNotContain(await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(1)), suggestion => suggestion.Key.StartsWith("missed:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheManagersCommentsOnThePreviousPlanAreSuggestedAsGoals()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var manager = await context.Data.ManagerAsync(east);
        context.SetShanghaiTime(Wednesday.AddDays(-2), 8, 0); // Monday: Monday's plan, then nothing on Tuesday
        var monday = await context.Plans.SaveAsync(rep, east.Id, Wednesday.AddDays(-2), Input(), submit: true);
        var commentId = await context.Board.CommentAsync(manager, monday.Id, "Call Hengrui's GM before noon");
        context.SetShanghaiTime(Wednesday, 8, 0);

        var suggestion = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Wednesday), candidate => candidate.Key == $"comment:{commentId}");

        Assert.Equal("Call Hengrui's GM before noon", suggestion.Goal);
        Assert.Null(suggestion.Visit);
        Assert.Contains(manager.DisplayName, suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatThePlanAcceptedOrDismissedIsNotSuggestedAgain()
    {
        context.SetShanghaiTime(Thursday, 9, 0);
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var accepted = await context.CustomerAsync(east, rep, "Accepted Co", nextFollowUpOn: Thursday);
        var dismissed = await context.CustomerAsync(east, rep, "Dismissed Co", nextFollowUpOn: Thursday);
        var planned = await context.CustomerAsync(east, rep, "Planned Anyway Co", nextFollowUpOn: Thursday);
        var offered = await context.Suggestions.ForAsync(rep, east.Id, Thursday);
        string KeyOf(Customer customer) => offered.Single(suggestion => suggestion.Visit?.CustomerId == customer.Id).Key;

        await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(accepted) with { SuggestionKey = KeyOf(accepted) }, VisitTo(planned)) with { HandledSuggestions = [KeyOf(dismissed)] }, submit: false);

        Assert.DoesNotContain(await context.Suggestions.ForAsync(rep, east.Id, Thursday), suggestion => suggestion.Visit is not null);
    }

    [Fact]
    public async Task OneSuggestionPerCustomerTheFirstSourceWins()
    {
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);
        var customer = await context.CustomerAsync(east, rep, "Busy Co", nextFollowUpOn: Wednesday, flowBackOn: Thursday.AddDays(1));
        context.SetShanghaiTime(Wednesday, 8, 0);
        await context.Plans.SaveAsync(rep, east.Id, Wednesday, Input("Goals", VisitTo(customer, "Quote")), submit: true);
        context.SetShanghaiTime(Thursday, 8, 0);

        var suggestion = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday), candidate => candidate.Visit?.CustomerId == customer.Id);

        Assert.StartsWith("missed:", suggestion.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherFeatureAddsSuggestionsByRegisteringASource()
    {
        context.SetShanghaiTime(Thursday, 9, 0);
        var east = await context.Data.TeamAsync();
        var rep = await context.Data.RepAsync(east);

        var suggestion = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday));

        Assert.Equal(("agreed:1", "Try the ROI calculator"), (suggestion.Key, suggestion.Goal));
    }

    /// <summary>Stands for a later feature's source, e.g. actions agreed on a ride-along.</summary>
    private sealed class AgreedActionSource : IPlanSuggestionSource
    {
        public Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlanSuggestion>>([new PlanSuggestion("agreed:1", "Agreed on a ride-along", "Tuesday with your manager", Goal: "Try the ROI calculator")]);
    }
}
