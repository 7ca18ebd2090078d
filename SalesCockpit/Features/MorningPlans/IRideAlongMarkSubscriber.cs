using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// Told when a manager marks a planned visit "I will join" on the stand-up screen, or takes the mark back. The ride-along
/// feature implements it to turn marks into scheduled ride-alongs; it is called after the mark is saved.
/// </summary>
public interface IRideAlongMarkSubscriber
{
    Task MarkedAsync(Viewer manager, RideAlongRequest request, CancellationToken cancellationToken);

    Task UnmarkedAsync(Viewer manager, int teamId, int plannedVisitId, CancellationToken cancellationToken);
}
