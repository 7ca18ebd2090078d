using Microsoft.AspNetCore.Components;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Features.TeamBoard.Panels;

/// <summary>
/// A board panel: loads its team-wide data when shown and again on each event of its topics (pass <see cref="ReloadAsync"/>
/// to a <see cref="TeamEventListener"/> as its <c>Handler</c>). The team's open boards share one load per event
/// (<see cref="SharedReloads"/>), and a reload that finds the same data renders nothing, so an event costs each board
/// only the panels it changed.
/// </summary>
public abstract class BoardPanelBase<TData> : ComponentBase
    where TData : class
{
    private int loadedTeamId;
    private Viewer? loadedFor;
    private Loaded<TData>? shown;
    private int loadsStarted;

    [Inject]
    private SharedReloads Reloads { get; set; } = default!;

    [Parameter, EditorRequired]
    public int TeamId { get; set; }

    [Parameter, EditorRequired]
    public required Viewer Viewer { get; set; }

    /// <summary>On a wall display: no links to details, nothing to click.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Null until the first load completes.</summary>
    protected TData? Data { get; private set; }

    /// <summary>The panel's query, run by the first board of the team to need it.</summary>
    protected abstract Task<TData> LoadDataAsync();

    /// <summary>Derives what the markup needs from new <see cref="Data"/>; runs after each load that changed it.</summary>
    protected virtual void OnDataChanged()
    {
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Data is not null && loadedTeamId == TeamId && ReferenceEquals(loadedFor, Viewer))
        {
            return;
        }

        (loadedTeamId, loadedFor) = (TeamId, Viewer);
        if (await LoadLatestAsync(null) is { } loaded)
        {
            Show(loaded);
        }
    }

    protected async Task ReloadAsync(TeamEvent cause)
    {
        if (await LoadLatestAsync(cause) is { } loaded && (shown is null || loaded.Fingerprint != shown.Fingerprint))
        {
            Show(loaded);
            StateHasChanged();
        }
    }

    /// <summary>Loads again without an event, e.g. when the clock changes what the data means; the caller renders.</summary>
    protected async Task LoadAgainAsync()
    {
        if (await LoadLatestAsync(null) is { } loaded)
        {
            Show(loaded);
        }
    }

    // Loads can overlap (two events close together, an event during the first load); one that a later load overtook
    // returns null, so older data never replaces newer. All of this runs on the renderer's context, one step at a time.
    private async Task<Loaded<TData>?> LoadLatestAsync(TeamEvent? cause)
    {
        var load = ++loadsStarted;
        var loaded = await Reloads.LoadAsync(Viewer, TeamId, cause, GetType().FullName!, LoadDataAsync);
        return load == loadsStarted ? loaded : null;
    }

    private void Show(Loaded<TData> loaded)
    {
        (Data, shown) = (loaded.Value, loaded);
        OnDataChanged();
    }
}
