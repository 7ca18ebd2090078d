using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>The stand-up screen's ride-alongs: <see cref="RideAlongScheduler.TodayAsync"/>, the team board's list.</summary>
public sealed class TodaysRideAlongs(RideAlongScheduler scheduler) : ITodaysRideAlongs
{
    public IReadOnlyList<string> Topics { get; } = [RideAlongTopics.Scheduled, RideAlongTopics.Completed];

    public async Task<IReadOnlyList<TodaysRideAlong>> ListAsync(Viewer viewer, int teamId, CancellationToken cancellationToken)
    {
        var day = await scheduler.TodayAsync(viewer, teamId, cancellationToken);
        return [.. day.RideAlongs.Select(row => new TodaysRideAlong(row.Id, row.Time, row.RepName, row.CustomerName, row.ManagerName))];
    }
}
