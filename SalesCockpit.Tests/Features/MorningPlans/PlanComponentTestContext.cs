using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.MorningPlans;

/// <summary>Component tests of the plan screens: the base context plus the plan services and a popover provider for MudBlazor's pickers.</summary>
public abstract class PlanComponentTestContext : ComponentTestContext
{
    protected static readonly DateOnly Thursday = PlanTestContext.Thursday;

    private IRenderedComponent<MudSnackbarProvider>? snackbars;

    protected PlanComponentTestContext()
    {
        PlanTestContext.AddPlanDependencies(Services);
    }

    /// <summary>The snackbars shown so far (after <see cref="RenderWithProviders"/>).</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars => snackbars ?? throw new InvalidOperationException("Render with providers first.");

    protected MorningPlanService Plans => Services.GetRequiredService<MorningPlanService>();

    protected StandUpBoard Board => Services.GetRequiredService<StandUpBoard>();

    /// <summary>Renders MudBlazor's providers (popovers for pickers, dialogs, snackbars) once, then the component under test.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        if (snackbars is null)
        {
            Render<MudPopoverProvider>();
            Render<MudDialogProvider>();
            snackbars = Render<MudSnackbarProvider>();
        }

        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    protected Task<Customer> CustomerAsync(Team team, Viewer? owner, string name, DateOnly? nextFollowUpOn = null) =>
        PlanTestContext.CustomerAsync(Database, Clock, team, owner, name, nextFollowUpOn);
}
