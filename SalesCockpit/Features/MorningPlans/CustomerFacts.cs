using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// The two facts about customers that plans need and the Customers feature publishes no read for: which customers a
/// rep holds, and whom the rep contacted on a day. Read-only, and the only place this feature reads Customers' tables.
/// </summary>
internal static class CustomerFacts
{
    /// <summary>Names of those of <paramref name="customerIds"/> the rep holds in the team (their private pool).</summary>
    public static async Task<Dictionary<int, string>> HeldByAsync(AppDbContext db, int teamId, string repId, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken) =>
        customerIds.Count == 0
            ? []
            : await db.Set<Customer>().AsNoTracking()
                .Where(customer => customer.TeamId == teamId && customer.OwnerId == repId && customerIds.Contains(customer.Id))
                .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);

    /// <summary>The kinds of follow-up the rep recorded with each of the customers on the team's <paramref name="day"/>.</summary>
    public static async Task<ILookup<int, FollowUpKind>> ContactsOnAsync(
        AppDbContext db, string repId, IReadOnlyCollection<int> customerIds, DateOnly day, string timeZoneId, CancellationToken cancellationToken)
    {
        var from = TeamCalendar.StartOfDayUtc(day, timeZoneId);
        var until = TeamCalendar.StartOfDayUtc(day.AddDays(1), timeZoneId);
        var contacts = customerIds.Count == 0
            ? []
            : await db.Set<FollowUp>().AsNoTracking()
                .Where(followUp => followUp.AuthorId == repId && customerIds.Contains(followUp.CustomerId) && followUp.OccurredAt >= from && followUp.OccurredAt < until)
                .Select(followUp => new { followUp.CustomerId, followUp.Kind })
                .ToListAsync(cancellationToken);
        return contacts.ToLookup(contact => contact.CustomerId, contact => contact.Kind);
    }
}
