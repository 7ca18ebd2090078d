using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>Reads shared by the customer services; none of them checks access.</summary>
internal static class CustomerData
{
    public static async Task<CustomerPoolSettings> SettingsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Set<CustomerPoolSettings>().AsNoTracking().SingleOrDefaultAsync(settings => settings.TeamId == teamId, cancellationToken)
        ?? new CustomerPoolSettings { TeamId = teamId };



    /// <summary>
    /// Managers see all of their team's customers; reps see the public pool and their own. A colleague's customer is
    /// "not found" (the duplicate check is the only place that names its holder).
    /// </summary>
    public static void EnsureCanSee(Viewer viewer, int teamId, string? ownerId)
    {
        viewer.EnsureCanSeeTeam(teamId);
        if (!viewer.CanManageTeam(teamId) && ownerId is not null && ownerId != viewer.UserId)
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    /// <summary>How many customers count against the rep's private-pool capacity.</summary>
    public static Task<int> HeldCountAsync(AppDbContext db, int teamId, string userId, CustomerPoolSettings settings, CancellationToken cancellationToken) =>
        db.Set<Customer>().CountAsync(
            customer => customer.TeamId == teamId && customer.OwnerId == userId && (settings.WonCountAgainstCapacity || customer.Status != CustomerStatus.Won),
            cancellationToken);

    /// <summary>Recomputes the stored flow-back date of every held customer of a team (after its rules changed).</summary>
    public static async Task RecomputeFlowBackAsync(AppDbContext db, int teamId, CustomerPoolSettings settings, string timeZoneId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var held = await db.Set<Customer>().AsNoTracking()
            .Where(customer => customer.TeamId == teamId && customer.OwnerId != null)
            .Select(customer => new { customer.Id, customer.OwnerId, customer.Status, customer.Level, customer.IsLocked, customer.HoldClockAt, customer.ProgressClockAt, customer.FlowBackOn })
            .ToListAsync(cancellationToken);
        var changes = held
            .Select(row => (row.Id, row.FlowBackOn, New: policy.Due(new Customer
            {
                Name = "",
                NormalizedName = "",
                OwnerId = row.OwnerId,
                Status = row.Status,
                Level = row.Level,
                IsLocked = row.IsLocked,
                HoldClockAt = row.HoldClockAt,
                ProgressClockAt = row.ProgressClockAt,
            })?.On))
            .Where(change => change.FlowBackOn != change.New)
            .GroupBy(change => change.New);
        foreach (var group in changes)
        {
            var newDate = group.Key;
            foreach (var chunk in group.Select(change => change.Id).Chunk(500))
            {
                await db.Set<Customer>().Where(customer => chunk.Contains(customer.Id))
                    .ExecuteUpdateAsync(setters => setters.SetProperty(customer => customer.FlowBackOn, newDate), cancellationToken);
            }
        }
    }
}
