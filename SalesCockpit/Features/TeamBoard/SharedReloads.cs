using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Features.TeamBoard;

/// <summary>
/// Every open board of a team shows the same team-wide data, and the bus hands each of them the same event instance.
/// So the first panel of a kind to reload after an event runs the query and the team's other boards share its result:
/// one query per panel kind and event instead of one per open board. A new event is a new instance, so nothing is stale.
/// Each result carries a fingerprint of its content, taken at most once per load and only when a reload is compared
/// with it (never for a prerendered page), so a panel can tell that a reload changed nothing and skip its render.
/// </summary>
public sealed class SharedReloads
{
    // Only data is hashed: computed (get-only) properties derive from it, and some never end (a period's Previous period).
    private static readonly JsonSerializerOptions FingerprintOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DataPropertiesOnly } },
    };

    private readonly ConditionalWeakTable<TeamEvent, ConcurrentDictionary<string, Lazy<Task<object>>>> loadsByEvent = new();

    // The viewer is checked for team-wide reading before any shared result is handed out. Without a cause (a first
    // load) the load always runs; the panel name and the viewer's culture separate the loads of one event.
    public async Task<Loaded<T>> LoadAsync<T>(Viewer viewer, int teamId, TeamEvent? cause, string panel, Func<Task<T>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(load);
        viewer.EnsureCanSeeTeamWide(teamId);
        if (cause is null || cause.TeamId != teamId)
        {
            return new Loaded<T>(await load());
        }

        var loads = loadsByEvent.GetValue(cause, _ => new ConcurrentDictionary<string, Lazy<Task<object>>>());
        // Results may hold culture-dependent choices (an order by name): boards share them only with boards of their culture.
        var key = $"{panel}|{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}";
        var shared = loads.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => new Loaded<T>(await load())));
        return (Loaded<T>)await shared.Value;
    }

    internal static string FingerprintOf<T>(T value)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, FingerprintOptions)));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // Data the serializer cannot take counts as changed every time: the panel renders as it did before fingerprints.
            return Guid.NewGuid().ToString("N");
        }
    }

    private static void DataPropertiesOnly(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var computed in typeInfo.Properties.Where(property => property.Set is null).ToList())
        {
            typeInfo.Properties.Remove(computed);
        }
    }
}

/// <summary>A panel's data and a fingerprint of its content: equal fingerprints, nothing to show anew.</summary>
public sealed class Loaded<T>(T value)
{
    private readonly Lazy<string> fingerprint = new(() => SharedReloads.FingerprintOf(value));

    public T Value { get; } = value;

    /// <summary>Computed on first use, once for all the boards that share this result.</summary>
    public string Fingerprint => fingerprint.Value;
}
