using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// What the rep's previous plan left over (the latest plan of the last week, so Monday looks back to Saturday): its visits
/// and calls that did not happen (no follow-up with that customer that day), and the manager's comments on it. Planning a
/// later day (tomorrow, tonight) looks back to today's plan: what is not done yet is carried, and drops out once done.
/// Prospects typed in have no follow-up records, so whether their visit happened is not known here; they are not suggested.
/// </summary>
public sealed class PreviousPlanSource(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<MorningPlansText> localizer) : IPlanSuggestionSource
{
    public const int LookBackDays = 7;

    public async Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = context.Day > context.Today ? context.Today.AddDays(1) : context.Day;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await db.Set<MorningPlan>().AsNoTracking().Include(plan => plan.Visits)
            .Where(plan => plan.TeamId == context.TeamId && plan.RepId == context.Rep.UserId && plan.Day < before && plan.Day >= before.AddDays(-LookBackDays))
            .OrderByDescending(plan => plan.Day)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            return [];
        }

        var isToday = previous.Day == context.Today;
        var day = previous.Day == context.Today.AddDays(-1) ? localizer["Yesterday"].Value : previous.Day.ToString("ddd M/d", CultureInfo.CurrentCulture);
        var visits = previous.Visits.Where(visit => visit.RemovedAt is null && visit.CustomerId is not null).OrderBy(visit => visit.Position).ToList();
        var contacts = await CustomerFacts.ContactsOnAsync(db, previous.RepId, [.. visits.Select(visit => visit.CustomerId!.Value).Distinct()], previous.Day, context.TimeZoneId, cancellationToken);
        var missed = visits
            .Where(visit => !PlanRules.Happened(visit.Kind, contacts[visit.CustomerId!.Value]))
            .Select(visit => new PlanSuggestion(
                $"missed:{visit.Id}",
                localizer[visit.Kind == PlannedVisitKind.Visit ? "Suggestion_VisitNotDone" : "Suggestion_CallNotDone"],
                isToday ? localizer["Suggestion_PlannedTodayNotYet"] : localizer["Suggestion_PlannedOn", day],
                new SuggestedVisit(visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose, visit.ExpectedResult)));

        var comments = await (from comment in db.Set<PlanComment>().AsNoTracking()
                              where comment.PlanId == previous.Id
                              orderby comment.CreatedAt
                              select new { comment.Id, comment.Text, Author = db.Users.Where(user => user.Id == comment.AuthorId).Select(user => user.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var actions = comments.Select(comment => new PlanSuggestion(
            $"comment:{comment.Id}",
            localizer["Suggestion_ManagerAction"],
            localizer["Suggestion_CommentBy", comment.Author ?? "?", isToday ? localizer["Today"].Value : day],
            Goal: comment.Text));
        return [.. missed, .. actions];
    }
}
