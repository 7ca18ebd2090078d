using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>Reads shared by the review services; none of them checks access. The only place this feature reads plans and follow-ups.</summary>
internal static class ReviewData
{
    public static async Task<EveningReviewSettings> SettingsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Set<EveningReviewSettings>().AsNoTracking().SingleOrDefaultAsync(settings => settings.TeamId == teamId, cancellationToken)
        ?? new EveningReviewSettings { TeamId = teamId };

    /// <summary>
    /// Plan against actual for each rep and day from <paramref name="first"/> to <paramref name="last"/>: the submitted plans,
    /// the reps' follow-ups on those days and the leads that became valid (<paramref name="validLeads"/>, from CustomerOutcomes).
    /// </summary>
    public static async Task<Dictionary<(string RepId, DateOnly Day), PlanVsActual>> FactsAsync(
        AppDbContext db, int teamId, IReadOnlyCollection<string> repIds, DateOnly first, DateOnly last, string timeZoneId, IReadOnlyList<RepOutcome> validLeads, CancellationToken cancellationToken)
    {
        var plans = await db.Set<MorningPlan>().AsNoTracking().Include(plan => plan.Visits)
            .Where(plan => plan.TeamId == teamId && repIds.Contains(plan.RepId) && plan.Day >= first && plan.Day <= last && plan.SubmittedAt != null)
            .ToListAsync(cancellationToken);
        var fromUtc = TeamCalendar.StartOfDayUtc(first, timeZoneId);
        var until = TeamCalendar.StartOfDayUtc(last.AddDays(1), timeZoneId);
        var followUps = await (from followUp in db.Set<FollowUp>().AsNoTracking()
                               join customer in db.Set<Customer>() on followUp.CustomerId equals customer.Id
                               where followUp.TeamId == teamId && repIds.Contains(followUp.AuthorId) && followUp.OccurredAt >= fromUtc && followUp.OccurredAt < until
                               orderby followUp.OccurredAt
                               select new { followUp.AuthorId, followUp.OccurredAt, followUp.CustomerId, customer.Name, followUp.Kind })
            .ToListAsync(cancellationToken);
        var contacts = followUps.ToLookup(
            followUp => (followUp.AuthorId, TeamCalendar.DateOf(followUp.OccurredAt, timeZoneId)),
            followUp => new DayContact(followUp.CustomerId, followUp.Name, followUp.Kind));
        var leads = validLeads.ToLookup(lead => (lead.RepId, TeamCalendar.DateOf(lead.At, timeZoneId)));
        var plansByDay = plans.ToDictionary(plan => (plan.RepId, plan.Day));

        var facts = new Dictionary<(string, DateOnly), PlanVsActual>();
        foreach (var repId in repIds)
        {
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var plan = plansByDay.GetValueOrDefault((repId, day));
                var items = plan?.Visits.Where(visit => visit.RemovedAt is null).OrderBy(visit => visit.Position)
                    .Select(visit => new PlannedItem(visit.Id, visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose)).ToList();
                var committed = plan is null ? null : new DayNumbers(plan.CommittedVisits, plan.CommittedCalls, plan.CommittedNewValidLeads);
                facts[(repId, day)] = PlanVsActual.Compute(items, committed, [.. contacts[(repId, day)]], leads[(repId, day)].Count());
            }
        }

        return facts;
    }

    /// <summary>Maps reviews (with their missed reasons loaded) to views, with their comments, reactions and the names they mention.</summary>
    public static async Task<List<ReviewView>> ToViewsAsync(AppDbContext db, IReadOnlyCollection<EveningReview> reviews, CancellationToken cancellationToken)
    {
        if (reviews.Count == 0)
        {
            return [];
        }

        var ids = reviews.Select(review => review.Id).ToList();
        var comments = await db.Set<ReviewComment>().AsNoTracking().Where(comment => ids.Contains(comment.ReviewId))
            .OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id).ToListAsync(cancellationToken);
        var reactions = await db.Set<ReviewReaction>().AsNoTracking().Where(reaction => ids.Contains(reaction.ReviewId))
            .OrderBy(reaction => reaction.CreatedAt).ToListAsync(cancellationToken);
        var names = await TeamData.NamesAsync(
            db,
            comments.Select(comment => comment.AuthorId).Concat(reactions.Select(reaction => reaction.UserId))
                .Concat(reviews.SelectMany(review => new[] { review.HighlightedById, review.HelpHandledById })),
            cancellationToken);
        string? NameOf(string? id) => id is null ? null : names.GetValueOrDefault(id, "?");
        var commentsByReview = comments.ToLookup(comment => comment.ReviewId);
        var reactionsByReview = reactions.ToLookup(reaction => reaction.ReviewId);

        return [.. reviews.Select(review => new ReviewView(
            review.Id, review.TeamId, review.RepId, review.Day, review.Wins, review.Problems, review.Lesson, review.HelpNeeded,
            review.MissedReasons.ToDictionary(reason => reason.PlannedVisitId, reason => reason.Reason),
            review.SubmittedAt, review.EditedAt,
            review.HighlightedAt is null ? null : NameOf(review.HighlightedById) ?? "?",
            review.HelpHandledAt, NameOf(review.HelpHandledById),
            [.. commentsByReview[review.Id].Select(comment => new ReviewCommentView(comment.Id, comment.AuthorId, NameOf(comment.AuthorId)!, comment.Text, comment.CreatedAt))],
            [.. reactionsByReview[review.Id].Select(reaction => reaction.UserId)],
            review.Version))];
    }

}
