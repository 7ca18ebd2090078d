using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>A customer won by a rep: the opportunities it closed and their amount.</summary>
public sealed record WonDeal(int CustomerId, string CustomerName, string Titles, long AmountCents, string RepId, DateTime WonAt);

/// <summary>Something a rep achieved at an instant: a lead that became valid, a visit made.</summary>
public sealed record RepOutcome(string RepId, int CustomerId, DateTime At);

public sealed record TeamOutcomes(IReadOnlyList<WonDeal> WonDeals, IReadOnlyList<RepOutcome> ValidLeads, IReadOnlyList<RepOutcome> Visits);

/// <summary>
/// What a team's reps achieved between two instants, as the customer records say: customers won (with the amount of the
/// opportunities that win closed), leads that became valid, visits recorded. Published for targets and heroes.
/// </summary>
public sealed class CustomerOutcomes(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<TeamOutcomes> BetweenAsync(Viewer viewer, int teamId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var wins = await db.Set<CustomerEvent>().AsNoTracking()
            .Where(customerEvent => customerEvent.TeamId == teamId && customerEvent.Kind == CustomerEventKind.Won && customerEvent.OccurredAt >= fromUtc && customerEvent.OccurredAt < toUtc)
            .Select(customerEvent => new { customerEvent.CustomerId, customerEvent.OccurredAt, RepId = customerEvent.CreditedRepId ?? customerEvent.FromOwnerId ?? customerEvent.ActorId })
            .ToListAsync(cancellationToken);
        var wonIds = wins.Select(win => win.CustomerId).Distinct().ToList();
        var names = await db.Set<Customer>().AsNoTracking().Where(customer => wonIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
        var wonOpportunities = await db.Set<Opportunity>().AsNoTracking()
            .Where(opportunity => wonIds.Contains(opportunity.CustomerId) && opportunity.Stage == OpportunityStage.Won)
            .Select(opportunity => new { opportunity.CustomerId, opportunity.Title, opportunity.AmountCents, opportunity.CreatedAt })
            .ToListAsync(cancellationToken);
        var earlierWins = await db.Set<CustomerEvent>().AsNoTracking()
            .Where(customerEvent => wonIds.Contains(customerEvent.CustomerId) && customerEvent.Kind == CustomerEventKind.Won)
            .Select(customerEvent => new { customerEvent.CustomerId, customerEvent.OccurredAt })
            .ToListAsync(cancellationToken);

        // A win closes the customer's open opportunities: those created before it and after the customer's previous win.
        var deals = wins.Where(win => win.RepId is not null).Select(win =>
        {
            var previous = earlierWins.Where(other => other.CustomerId == win.CustomerId && other.OccurredAt < win.OccurredAt)
                .Select(other => (DateTime?)other.OccurredAt).Max() ?? DateTime.MinValue;
            var closed = wonOpportunities.Where(opportunity => opportunity.CustomerId == win.CustomerId && opportunity.CreatedAt <= win.OccurredAt && opportunity.CreatedAt > previous).ToList();
            return new WonDeal(win.CustomerId, names.GetValueOrDefault(win.CustomerId, ""), string.Join(" · ", closed.Select(opportunity => opportunity.Title)), closed.Sum(opportunity => opportunity.AmountCents), win.RepId!, win.OccurredAt);
        }).ToList();

        var promotions = await (from customerEvent in db.Set<CustomerEvent>().AsNoTracking()
                                join customer in db.Set<Customer>() on customerEvent.CustomerId equals customer.Id
                                where customerEvent.TeamId == teamId && customerEvent.Kind == CustomerEventKind.StatusChanged && customerEvent.Detail == nameof(CustomerStatus.ValidLead)
                                      && customerEvent.OccurredAt >= fromUtc && customerEvent.OccurredAt < toUtc
                                select new { customerEvent.CustomerId, customerEvent.OccurredAt, customerEvent.ActorId, customerEvent.CreditedRepId, customer.OwnerId })
            .ToListAsync(cancellationToken);

        // Promotions recorded before the credited rep was kept fall back to the old guess: the actor, or the current owner
        // when someone else (a manager) promoted it.
        var validLeads = promotions
            .Select(promotion => new RepOutcome(
                promotion.CreditedRepId ?? (promotion.ActorId == promotion.OwnerId || promotion.OwnerId is null ? promotion.ActorId ?? "" : promotion.OwnerId),
                promotion.CustomerId,
                promotion.OccurredAt))
            .Where(outcome => outcome.RepId.Length > 0)
            .ToList();

        var visits = await db.Set<FollowUp>().AsNoTracking()
            .Where(followUp => followUp.TeamId == teamId && followUp.Kind == FollowUpKind.Visit && followUp.OccurredAt >= fromUtc && followUp.OccurredAt < toUtc)
            .Select(followUp => new RepOutcome(followUp.AuthorId, followUp.CustomerId, followUp.OccurredAt))
            .ToListAsync(cancellationToken);

        return new TeamOutcomes(deals, validLeads, visits);
    }
}
