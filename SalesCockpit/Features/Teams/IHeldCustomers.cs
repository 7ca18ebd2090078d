namespace SalesCockpit.Features.Teams;

/// <summary>
/// The customers a person still holds, per team the viewer manages, so deactivating the person offers a handover
/// first. Customers implements it.
/// </summary>
public interface IHeldCustomers
{
    Task<IReadOnlyList<(int TeamId, int Count)>> HeldByAsync(Viewer viewer, string userId, CancellationToken cancellationToken = default);
}
