using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>
/// The share-out board (晚分享看板): every rep's day and review, shown to the team. Managers highlight the day's best,
/// comment and mark help handled; teammates comment and applaud. Settings: the team's review-due time.
/// </summary>
public sealed class ShareOutService(
    IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TeamDirectory teams, EveningReviewService reviews, TimeProvider clock)
{
    /// <summary>The team's day for the share-out board: the team's members and its wall displays read it.</summary>
    public async Task<ShareOutDay> GetDayAsync(Viewer viewer, int teamId, DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        return await LoadAsync(viewer, teamId, day, cancellationToken);
    }

    /// <summary>Today's reviews for the team board: its managers, Admins and the team's wall displays.</summary>
    public async Task<ShareOutDay> GetTodayForBoardAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeamWide(teamId);
        return await LoadAsync(viewer, teamId, null, cancellationToken);
    }

    public async Task<IReadOnlyList<RepAccuracy>> AccuracyAsync(Viewer viewer, int teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        var overview = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        // A rep sees their own accuracy; managers see every rep's.
        var reps = overview.Reps.Where(rep => viewer.CanManageTeam(teamId) || rep.UserId == viewer.UserId).ToList();
        if (reps.Count == 0 || last < first)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamCalendar.Today(clock, overview.TimeZoneId);
        last = last > today ? today : last;
        first = first < last.AddDays(-366) ? last.AddDays(-366) : first;
        var facts = await reviews.FactsAsync(db, viewer, teamId, overview.TimeZoneId, [.. reps.Select(rep => rep.UserId)], first, last, cancellationToken);
        return [.. reps.Select(rep =>
        {
            var days = facts.Where(pair => pair.Key.RepId == rep.UserId && pair.Value.HasPlan).OrderBy(pair => pair.Key.Day)
                .Select(pair => new AccuracyPoint(pair.Key.Day, pair.Value)).ToList();
            return new RepAccuracy(rep.UserId, rep.DisplayName, PlanAccuracy.Of(days.Select(point => point.Facts)), days);
        })];
    }

    public async Task HighlightAsync(Viewer viewer, int reviewId, bool highlighted, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await FindForManagerAsync(db, viewer, reviewId, cancellationToken);
        DateTime? at = highlighted ? clock.GetUtcNow().UtcDateTime : null;
        var by = highlighted ? viewer.UserId : null;
        // Feedback is not the rep's text: written past the version, so it never makes the rep's open form stale.
        await db.Set<EveningReview>().Where(candidate => candidate.Id == reviewId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(candidate => candidate.HighlightedAt, at).SetProperty(candidate => candidate.HighlightedById, by), cancellationToken);
        await PublishAsync(review, viewer, cancellationToken);
    }

    public async Task MarkHelpHandledAsync(Viewer viewer, int reviewId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await FindForManagerAsync(db, viewer, reviewId, cancellationToken);
        DateTime? at = clock.GetUtcNow().UtcDateTime;
        await db.Set<EveningReview>().Where(candidate => candidate.Id == reviewId && candidate.HelpNeeded != null && candidate.HelpHandledAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(candidate => candidate.HelpHandledAt, at).SetProperty(candidate => candidate.HelpHandledById, viewer.UserId), cancellationToken);
        await PublishAsync(review, viewer, cancellationToken);
    }

    /// <summary>A team member (manager or rep) comments on a review of their team.</summary>
    public async Task CommentAsync(Viewer viewer, int reviewId, string? text, CancellationToken cancellationToken = default)
    {
        ValidationFailedException.ThrowIfAny(ReviewRules.ValidateComment(text));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await FindForMemberAsync(db, viewer, reviewId, cancellationToken);
        db.Add(new ReviewComment { ReviewId = review.Id, TeamId = review.TeamId, AuthorId = viewer.UserId, Text = text!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(review, viewer, cancellationToken);
    }

    /// <summary>Applauds a review, or takes the applause back.</summary>
    public async Task ToggleReactionAsync(Viewer viewer, int reviewId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await FindForMemberAsync(db, viewer, reviewId, cancellationToken);
        var existing = await db.Set<ReviewReaction>().SingleOrDefaultAsync(reaction => reaction.ReviewId == reviewId && reaction.UserId == viewer.UserId, cancellationToken);
        if (existing is null)
        {
            db.Add(new ReviewReaction { ReviewId = reviewId, UserId = viewer.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            db.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click raced itself: the reaction is already as wanted.
        }

        await PublishAsync(review, viewer, cancellationToken);
    }

    public async Task<EveningReviewSettings> GetSettingsAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReviewData.SettingsAsync(db, teamId, cancellationToken);
    }

    /// <summary>Saves the review-due time (optimistic on <see cref="EveningReviewSettings.Version"/>, which is updated on the input).</summary>
    public async Task UpdateSettingsAsync(Viewer viewer, int teamId, EveningReviewSettings input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureCanManageTeam(teamId);
        ValidationFailedException.ThrowIfAny(ReviewRules.Validate(input));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var settings = await db.Set<EveningReviewSettings>().SingleOrDefaultAsync(candidate => candidate.TeamId == teamId, cancellationToken);
        if (settings is null)
        {
            if (input.Version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            settings = new EveningReviewSettings { TeamId = teamId };
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(candidate => candidate.Version).OriginalValue = input.Version;
        }

        settings.ReviewDueAt = new TimeOnly(input.ReviewDueAt.Hour, input.ReviewDueAt.Minute);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrentEditException();
        }

        input.Version = settings.Version;
        await eventBus.PublishAsync(new TeamEvent(teamId, EveningReviewTopics.Settings, ActorId: viewer.UserId), cancellationToken);
    }

    private async Task<ShareOutDay> LoadAsync(Viewer viewer, int teamId, DateOnly? day, CancellationToken cancellationToken)
    {
        var overview = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await ReviewData.SettingsAsync(db, teamId, cancellationToken);
        var deadline = new PlanDeadline(settings.ReviewDueAt, overview.TimeZoneId, clock);
        var today = deadline.Today;
        var shown = day is { } wanted && wanted <= today ? wanted : today;
        var reps = overview.Reps.ToList();
        var facts = await reviews.FactsAsync(db, viewer, teamId, overview.TimeZoneId, [.. reps.Select(rep => rep.UserId)], shown, shown, cancellationToken);
        var saved = await db.Set<EveningReview>().AsNoTracking().Include(review => review.MissedReasons)
            .Where(review => review.TeamId == teamId && review.Day == shown).ToListAsync(cancellationToken);
        var views = (await ReviewData.ToViewsAsync(db, saved, cancellationToken)).ToDictionary(view => view.RepId);
        var rows = reps.Select(rep =>
        {
            var review = views.GetValueOrDefault(rep.UserId);
            return new RepDay(rep.UserId, rep.DisplayName, facts[(rep.UserId, shown)], review, deadline.StateOf(shown, review?.SubmittedAt));
        })
            .OrderBy(row => row.Review is null).ThenBy(row => row.Review?.SubmittedAt).ThenBy(row => row.RepName, StringComparer.CurrentCulture)
            .ToList();
        return new ShareOutDay(teamId, overview.Name, shown, today, overview.TimeZoneId, settings.ReviewDueAt, rows);
    }

    private static async Task<EveningReview> FindForManagerAsync(AppDbContext db, Viewer viewer, int reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var review = await db.Set<EveningReview>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == reviewId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanManageTeam(review.TeamId);
        return review;
    }

    private static async Task<EveningReview> FindForMemberAsync(AppDbContext db, Viewer viewer, int reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var review = await db.Set<EveningReview>().AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == reviewId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanSeeTeam(review.TeamId);
        if (viewer.IsDisplay)
        {
            throw new TeamAccessDeniedException(review.TeamId);
        }

        return review;
    }

    private Task PublishAsync(EveningReview review, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(review.TeamId, EveningReviewTopics.Feedback, review.Id.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
}
