using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// A team's ride-alongs of its today as the ride-along feature keeps them (scheduled from a mark here or on its own page),
/// for the stand-up screen: the same list the team board shows. The ride-along feature implements it, as it depends on
/// this one.
/// </summary>
public interface ITodaysRideAlongs
{
    /// <summary>The topics published when the list may have changed.</summary>
    IReadOnlyList<string> Topics { get; }

    Task<IReadOnlyList<TodaysRideAlong>> ListAsync(Viewer viewer, int teamId, CancellationToken cancellationToken);
}

public sealed record TodaysRideAlong(int Id, TimeOnly StartsAt, string RepName, string CustomerName, string ManagerName);
