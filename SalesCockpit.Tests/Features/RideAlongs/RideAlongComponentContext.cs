using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.RideAlongs;

/// <summary>bUnit context with the ride-along and coaching services, and a crew (team, manager, rep, customer) to work with.</summary>
public abstract class RideAlongComponentContext : ComponentTestContext
{
    protected RideAlongComponentContext()
    {
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<CustomerPool>();
        Services.AddSingleton<TeamSkills>();
        Services.AddSingleton<IRideAlongScores, RideAlongScores>();
        Services.AddSingleton<CoachingLadder>();
        Services.AddSingleton<RideAlongScheduler>();
        Services.AddSingleton<RideAlongNotebook>();
        Services.AddSingleton<RideAlongDebrief>();
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgeryToken>();
        NotesModule = JSInterop.SetupModule("./js/ride-along-notes.js");
        NotesModule.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The browser module of the notebook (keyboard capture, offline queue); loose, so calls succeed and are recorded.</summary>
    protected BunitJSModuleInterop NotesModule { get; }

    protected async Task<Crew> CrewAsync()
    {
        var team = await Data.TeamAsync("East");
        var manager = await Data.ManagerAsync(team);
        var rep = await Data.RepAsync(team);
        var customerId = await Services.GetRequiredService<CustomerPool>().CreateAsync(rep, team.Id, new CustomerInput(
            "Suzhou Hengrui Precision", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, CustomerLevel.Standard, null, []));
        var skills = await Services.GetRequiredService<TeamSkills>().ListAsync(manager, team.Id);
        return new Crew(team, manager, rep, customerId, skills);
    }

    protected Task<int> ScheduleAsync(Crew crew, Viewer? rep = null) =>
        Services.GetRequiredService<RideAlongScheduler>().ScheduleAsync(crew.Manager, RideAlongServices.Input(crew, rep: rep));
}

/// <summary>bUnit renders without a request, so there is no antiforgery token: the page then sends nothing when it closes.</summary>
internal sealed class NoAntiforgeryToken : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
