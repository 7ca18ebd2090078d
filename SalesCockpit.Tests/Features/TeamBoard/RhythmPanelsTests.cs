using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Features.MorningPlans;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

/// <summary>The board's panels for the day's rhythm: plans, ride-alongs, the coaching ladder.</summary>
public class RhythmPanelsTests : ComponentTestContext
{
    public RhythmPanelsTests()
    {
        Services.AddSingleton<CustomerDirectory>();
        Services.AddMorningPlans();
        Services.AddCoaching();
        Services.AddRideAlongs();
    }

    [Fact]
    public async Task ThePlansPanelShowsASubmittedPlanAndReloadsOnlyOnItsOwnTopics()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var panel = Render<TodayPlansPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));
        panel.WaitForAssertion(() => Assert.Equal("none-yet", StateOf(panel)));

        var customer = await PlanTestContext.CustomerAsync(Database, Clock, east, rep, "Hengrui");
        var today = SalesCockpit.Features.Teams.TeamCalendar.Today(Clock, east.TimeZoneId);

        // The plan service publishes the plan's topic after the save commits.
        await Services.GetRequiredService<MorningPlanService>().SaveAsync(rep, east.Id, today, PlanTestContext.Input("Two demos", PlanTestContext.VisitTo(customer)), submit: true);

        panel.WaitForAssertion(() => Assert.Equal("submitted", StateOf(panel)));
        Assert.Contains("1 of 1 submitted", panel.Markup);

        await RenameAsync(rep.UserId, "Renamed Rep");
        await Bus.PublishAsync(new TeamEvent(east.Id, CustomerTopics.Record));
        Assert.DoesNotContain("Renamed Rep", panel.Markup);
        await Bus.PublishAsync(new TeamEvent(east.Id, SalesCockpit.Features.Teams.TeamTopics.Members));
        panel.WaitForAssertion(() => Assert.Contains("Renamed Rep", panel.Markup));
    }

    [Fact]
    public async Task TheRideAlongPanelListsTodaysRideAlongsWithTheirStepAndTheMatrixShowsTheTeam()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var customer = await PlanTestContext.CustomerAsync(Database, Clock, east, rep, "Hengrui");
        var scheduler = Services.GetRequiredService<RideAlongScheduler>();
        var options = await scheduler.SchedulingOptionsAsync(manager, east.Id);
        var rideAlongs = Render<RideAlongsTodayPanel>(parameters => parameters
            .Add(p => p.TeamId, east.Id).Add(p => p.TimeZoneId, east.TimeZoneId).Add(p => p.Viewer, manager));
        var matrix = Render<CoachingMatrixPanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));
        rideAlongs.WaitForAssertion(() => Assert.Contains("No ride-along today.", rideAlongs.Markup));
        matrix.WaitForAssertion(() => Assert.Single(matrix.FindAll("[data-testid=matrix-row]")));

        await scheduler.ScheduleAsync(manager, new ScheduleRideAlongInput(
            east.Id, rep.UserId, customer.Id, options.Today, new TimeOnly(23, 0), LadderStep.YouDoIWatch, [options.Skills[0].Id]));

        rideAlongs.WaitForAssertion(() => Assert.Contains("Hengrui", rideAlongs.Find("[data-testid=ridealong-row]").TextContent));
        Assert.Equal("scheduled", rideAlongs.Find("[data-testid=ridealong-row]").GetAttribute("data-state"));
        Assert.Contains(rep.DisplayName, matrix.Markup);

        // At 23:00 in Shanghai the visit is under way: the clock says so, no event does.
        Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(1));
        rideAlongs.WaitForAssertion(() => Assert.Equal("inprogress", rideAlongs.Find("[data-testid=ridealong-row]").GetAttribute("data-state")));
    }

    private async Task RenameAsync(string userId, string name)
    {
        await using var db = await Database.CreateDbContextAsync();
        var user = await db.Users.FindAsync(userId);
        user!.DisplayName = name;
        await db.SaveChangesAsync();
    }

    private static string StateOf(IRenderedComponent<TodayPlansPanel> panel) =>
        panel.Find("[data-testid=plan-status]").GetAttribute("data-state") is "pending" ? "none-yet" : panel.Find("[data-testid=plan-status]").GetAttribute("data-state")!;
}
