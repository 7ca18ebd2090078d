using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>The rep's side of the evening: the day's facts against the plan, and their review of it, which locks the plan.</summary>
public sealed class EveningReviewService(
    IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, MorningPlanService plans, CustomerOutcomes outcomes, TimeProvider clock)
{
    public async Task<ReviewSheet> GetSheetAsync(Viewer viewer, int teamId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureRepOf(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var settings = await ReviewData.SettingsAsync(db, teamId, cancellationToken);
        var deadline = new PlanDeadline(settings.ReviewDueAt, timeZoneId, clock);
        var facts = (await FactsAsync(db, viewer, teamId, timeZoneId, [viewer.UserId], day, day, cancellationToken))[(viewer.UserId, day)];
        var review = await db.Set<EveningReview>().AsNoTracking().Include(candidate => candidate.MissedReasons)
            .SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == day, cancellationToken);
        var view = review is null ? null : (await ReviewData.ToViewsAsync(db, [review], cancellationToken))[0];
        return new ReviewSheet(teamId, day, deadline.Today, timeZoneId, settings.ReviewDueAt, facts, view, deadline.StateOf(day, review?.SubmittedAt));
    }

    /// <summary>Submits (or edits) the viewer's review of the day and locks that day's plan. Optimistic on the review's version.</summary>
    public async Task<ReviewView> SubmitAsync(Viewer viewer, int teamId, DateOnly day, ReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureRepOf(teamId);
        var now = clock.GetUtcNow().UtcDateTime;
        EveningReview review;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
            var today = TeamCalendar.Today(clock, timeZoneId);
            var facts = (await FactsAsync(db, viewer, teamId, timeZoneId, [viewer.UserId], day, day, cancellationToken))[(viewer.UserId, day)];
            var missed = facts.Missed.Select(item => item.Item.Id).ToList();
            ValidationFailedException.ThrowIfAny(ReviewRules.Validate(input, missed, day, today));

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            review = await db.Set<EveningReview>().Include(candidate => candidate.MissedReasons)
                .SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == day, cancellationToken)
                ?? new EveningReview { TeamId = teamId, RepId = viewer.UserId, Day = day, SubmittedAt = now };
            if (review.Id == 0)
            {
                if (input.Version != Guid.Empty)
                {
                    throw new ConcurrentEditException();
                }

                db.Add(review);
            }
            else
            {
                db.Entry(review).Property(candidate => candidate.Version).OriginalValue = input.Version;
                review.EditedAt = now;
            }

            review.Wins = ReviewRules.Clean(input.Wins);
            review.Problems = ReviewRules.Clean(input.Problems);
            review.Lesson = ReviewRules.Clean(input.Lesson);
            review.HelpNeeded = ReviewRules.Clean(input.HelpNeeded);
            if (review.HelpNeeded is null)
            {
                (review.HelpHandledAt, review.HelpHandledById) = (null, null);
            }

            review.MissedReasons.Clear();
            review.MissedReasons.AddRange(missed.Select(id => new MissedVisitReason { PlannedVisitId = id, Reason = input.MissedReasons[id]!.Trim() }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A stale version, or two first submissions of the same day racing past the unique index.
                throw new ConcurrentEditException();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await plans.LockAsync(viewer, teamId, viewer.UserId, day, cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(teamId, EveningReviewTopics.Review, review.Id.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await read.Set<EveningReview>().AsNoTracking().Include(candidate => candidate.MissedReasons).SingleAsync(candidate => candidate.Id == review.Id, cancellationToken);
        return (await ReviewData.ToViewsAsync(read, [saved], cancellationToken))[0];
    }

    internal async Task<Dictionary<(string RepId, DateOnly Day), PlanVsActual>> FactsAsync(
        AppDbContext db, Viewer viewer, int teamId, string timeZoneId, IReadOnlyCollection<string> repIds, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var records = await outcomes.BetweenAsync(
            viewer, teamId, TeamCalendar.StartOfDayUtc(first, timeZoneId), TeamCalendar.StartOfDayUtc(last.AddDays(1), timeZoneId), cancellationToken);
        return await ReviewData.FactsAsync(db, teamId, repIds, first, last, timeZoneId, records.ValidLeads, cancellationToken);
    }
}
