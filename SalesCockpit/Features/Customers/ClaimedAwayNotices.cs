namespace SalesCockpit.Features.Customers;

/// <summary>
/// Which pool rows a viewer must be told were claimed by a colleague: a row on their screen that a colleague's change
/// removed. A click on that row may have died with it, so the page says so itself, once per customer, whatever the click did.
/// </summary>
/// <remarks>
/// Only a list loaded after the colleague's change counts: a load that started earlier may still show the row.
/// </remarks>
public sealed class ClaimedAwayNotices
{
    private readonly Dictionary<int, (string Name, int AfterLoad)> watched = [];
    private readonly HashSet<int> told = [];
    private Dictionary<int, string> shown = [];
    private int loadsStarted;
    private int newestLoaded;

    /// <summary>Numbers a list load as it starts.</summary>
    public int LoadStarting() => ++loadsStarted;

    /// <summary>A colleague changed the customer: if it is on screen, the next list decides whether it was taken away.</summary>
    public void ChangedByColleague(int customerId)
    {
        if (shown.TryGetValue(customerId, out var name) && !told.Contains(customerId))
        {
            watched[customerId] = (name, loadsStarted);
        }
    }

    /// <summary>The viewer has been told about the customer already (their own claim's answer).</summary>
    public void Told(int customerId) => told.Add(customerId);

    /// <summary>Records what load number <paramref name="load"/> shows; answers the names of watched rows it no longer shows.</summary>
    public IReadOnlyList<string> Loaded(int load, IEnumerable<CustomerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (load < newestLoaded)
        {
            return [];
        }

        newestLoaded = load;
        shown = rows.ToDictionary(row => row.Id, row => row.Name);
        // Back in the pool (released again): a later claim by a colleague is news again.
        told.RemoveWhere(shown.ContainsKey);
        var gone = new List<string>();
        foreach (var (customerId, (name, afterLoad)) in watched.Where(entry => entry.Value.AfterLoad < load).ToList())
        {
            watched.Remove(customerId);
            if (!shown.ContainsKey(customerId) && told.Add(customerId))
            {
                gone.Add(name);
            }
        }

        return gone;
    }
}
