using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Features.TeamBoard;

/// <summary>
/// Every open board of a team shows the same team-wide data, and the bus hands each of them the same event instance.
/// So the first panel of a kind to reload after an event runs the query and the team's other boards share its result:
/// one query per panel kind and event instead of one per open board. A new event is a new instance, so nothing is stale.
/// </summary>
public sealed class SharedReloads
{
    private readonly ConditionalWeakTable<TeamEvent, ConcurrentDictionary<string, Lazy<Task<object>>>> loadsByEvent = new();

    // The viewer is checked for team-wide reading before any shared result is handed out. Without a cause (a first
    // load) the load always runs; the panel name separates the loads of one event.
    public async Task<T> LoadAsync<T>(Viewer viewer, int teamId, TeamEvent? cause, string panel, Func<Task<T>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(load);
        viewer.EnsureCanSeeTeamWide(teamId);
        if (cause is null || cause.TeamId != teamId)
        {
            return await load();
        }

        var loads = loadsByEvent.GetValue(cause, _ => new ConcurrentDictionary<string, Lazy<Task<object>>>());
        var shared = loads.GetOrAdd(panel, _ => new Lazy<Task<object>>(async () => await load()));
        return (T)await shared.Value;
    }
}
