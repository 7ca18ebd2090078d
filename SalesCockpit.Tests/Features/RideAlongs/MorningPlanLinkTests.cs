using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Tests.Features.MorningPlans;
using static SalesCockpit.Tests.Features.MorningPlans.PlanTestContext;

namespace SalesCockpit.Tests.Features.RideAlongs;

/// <summary>The morning plan and the ride-along, wired as the app wires them.</summary>
public sealed class MorningPlanLinkTests : IDisposable
{
    private readonly PlanTestContext context = new(services => services.AddRideAlongs());

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task AVisitMarkedOnTheStandUpBecomesAScheduledRideAlongAndUnmarkingCancelsIt()
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui, "Demo") with { StartsAt = new TimeOnly(14, 30), EndsAt = new TimeOnly(15, 30) }), submit: true);
        var visit = plan.Visits.Single();

        await context.Board.SetRideAlongAsync(manager, visit.Id, join: true);
        await context.Board.SetRideAlongAsync(manager, visit.Id, join: true);

        await using (var db = await context.Database.CreateDbContextAsync())
        {
            var rideAlong = await db.Set<RideAlong>().AsNoTracking().SingleAsync();
            Assert.Equal((visit.Id, rep.UserId, hengrui.Id, Thursday, RideAlongStatus.Scheduled, LadderStep.IDoYouWatch),
                (rideAlong.PlannedVisitId, rideAlong.RepId, rideAlong.CustomerId, rideAlong.Day, rideAlong.Status, rideAlong.Step));
            Assert.Equal(new DateTime(2026, 11, 26, 6, 30, 0, DateTimeKind.Utc), rideAlong.StartsAt);
            Assert.Single(rideAlong.FocusSkillIds);
        }

        await context.Board.SetRideAlongAsync(manager, visit.Id, join: false);

        await using var after = await context.Database.CreateDbContextAsync();
        Assert.Equal(RideAlongStatus.Cancelled, (await after.Set<RideAlong>().AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task AnActionAgreedAtARideAlongIsSuggestedInTheRepsMorningPlan()
    {
        var (east, rep, hengrui) = await RideAlongWithAgreedActionAsync("Bring the ROI sheet to the plant manager", Thursday.AddDays(1));

        var suggestions = await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(1));

        var suggestion = Assert.Single(suggestions, candidate => candidate.Key.StartsWith("ridealong-action:", StringComparison.Ordinal));
        Assert.Equal("Bring the ROI sheet to the plant manager", suggestion.Visit!.Purpose);
        Assert.Equal(hengrui.Id, suggestion.Visit.CustomerId);
        Assert.DoesNotContain(await context.Suggestions.ForAsync(rep, east.Id, Thursday), candidate => candidate.Key.StartsWith("ridealong-action:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAgreedActionIsSuggestedAsComingUpBeforeItsDueDay()
    {
        context.SetShanghaiTime(Thursday, 20, 0);
        var (east, rep, _) = await RideAlongWithAgreedActionAsync("Bring the ROI sheet", Thursday.AddDays(4));

        var comingUp = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(1)), IsAgreedAction);
        Assert.Equal("Bring the ROI sheet", comingUp.Visit!.Purpose);
        Assert.StartsWith("Coming up", comingUp.Reason, StringComparison.Ordinal);
        Assert.False(comingUp.Urgent);
        var due = Assert.Single(await context.Suggestions.ForAsync(rep, east.Id, Thursday.AddDays(4)), IsAgreedAction);
        Assert.DoesNotContain("Coming up", due.Reason, StringComparison.Ordinal);

        static bool IsAgreedAction(PlanSuggestion candidate) => candidate.Key.StartsWith("ridealong-action:", StringComparison.Ordinal);
    }

    /// <summary>Thursday's visit to Hengrui, joined by the manager and completed with one action agreed for the rep.</summary>
    private async Task<(Team East, Viewer Rep, Customer Hengrui)> RideAlongWithAgreedActionAsync(string action, DateOnly due)
    {
        var east = await context.Data.TeamAsync();
        var manager = await context.Data.ManagerAsync(east);
        var rep = await context.Data.RepAsync(east);
        var hengrui = await context.CustomerAsync(east, rep, "Hengrui");
        var plan = await context.Plans.SaveAsync(rep, east.Id, Thursday, Input("Goals", VisitTo(hengrui)), submit: true);
        await context.Board.SetRideAlongAsync(manager, plan.Visits.Single().Id, join: true);
        await context.FollowUpAsync(hengrui, rep, context.Clock.GetUtcNow().UtcDateTime);
        int rideAlongId;
        await using (var db = await context.Database.CreateDbContextAsync())
        {
            rideAlongId = await db.Set<RideAlong>().Select(rideAlong => rideAlong.Id).SingleAsync();
        }

        var notebook = context.Get<RideAlongNotebook>();
        await notebook.SaveActionAsync(manager, rideAlongId, new ActionInput(Guid.NewGuid(), action, rep.UserId, due));
        await notebook.SaveTextAsync(manager, rideAlongId, DebriefField.Feedback, "Good discovery questions.");
        // Past the visit's start (a planned visit without a time starts at PlannedVisitRideAlongs.DefaultTime, 10:00).
        context.Clock.Advance(TimeSpan.FromHours(2));
        await context.Get<RideAlongDebrief>().CompleteAsync(manager, rideAlongId);
        return (east, rep, hengrui);
    }
}
