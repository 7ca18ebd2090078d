using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>
/// The manager's side of the morning (晨会看板): the team's day, one card per rep, comments on plans, and the visits the
/// manager will join. Managers of the team (and admins) only.
/// </summary>
public sealed class StandUpBoard(
    IDbContextFactory<AppDbContext> dbFactory,
    TeamDirectory teams,
    ITeamEventBus eventBus,
    IEnumerable<IRideAlongMarkSubscriber> markSubscribers,
    TimeProvider clock)
{
    /// <summary>Today in the team's zone: every active rep with their submitted plan, or whether they have a draft.</summary>
    public async Task<StandUpView> GetAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeamWide(teamId);
        var team = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        var today = TeamCalendar.Today(clock, team.TimeZoneId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await PlanData.SettingsAsync(db, teamId, cancellationToken);
        var plans = await db.Set<MorningPlan>().AsNoTracking().Include(plan => plan.Visits)
            .Where(plan => plan.TeamId == teamId && plan.Day == today)
            .ToListAsync(cancellationToken);
        var submitted = await PlanData.ToViewsAsync(db, [.. plans.Where(plan => plan.SubmittedAt is not null)], today, cancellationToken);
        var byRep = submitted.ToDictionary(plan => plan.RepId);
        var drafts = plans.Where(plan => plan.SubmittedAt is null).Select(plan => plan.RepId).ToHashSet();
        return new StandUpView(
            team.Id, team.Name, team.TimeZoneId, today, settings,
            [.. team.Reps.Select(rep => new RepCardView(rep.UserId, rep.DisplayName, drafts.Contains(rep.UserId), byRep.GetValueOrDefault(rep.UserId)))]);
    }

    /// <summary>One rep's card after an event about <paramref name="planId"/>; null when that plan is not for the team's today.</summary>
    public async Task<RepCardView?> GetCardAsync(Viewer viewer, int teamId, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        var plan = await db.Set<MorningPlan>().AsNoTracking().Include(candidate => candidate.Visits)
            .SingleOrDefaultAsync(candidate => candidate.Id == planId && candidate.TeamId == teamId && candidate.Day == today, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        if (plan.SubmittedAt is null)
        {
            var names = await TeamData.NamesAsync(db, [plan.RepId], cancellationToken);
            return new RepCardView(plan.RepId, names.GetValueOrDefault(plan.RepId, "?"), HasDraft: true, Plan: null);
        }

        var view = (await PlanData.ToViewsAsync(db, [plan], today, cancellationToken))[0];
        return new RepCardView(view.RepId, view.RepName, HasDraft: false, view);
    }

    /// <summary>A manager's comment on a plan; the rep sees it at once.</summary>
    public async Task<long> CommentAsync(Viewer viewer, int planId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Set<MorningPlan>().AsNoTracking().Where(candidate => candidate.Id == planId)
            .Select(candidate => new { candidate.TeamId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanManageTeam(plan.TeamId);
        ValidationFailedException.ThrowIfAny(PlanRules.ValidateComment(text));

        var comment = new PlanComment { PlanId = planId, TeamId = plan.TeamId, AuthorId = viewer.UserId, Text = text!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(plan.TeamId, MorningPlanTopics.Comments, planId, viewer, cancellationToken);
        return comment.Id;
    }

    /// <summary>
    /// Marks (or unmarks) a planned visit as a ride-along the viewer will join. Only visits, not calls; only on plans that
    /// can still change (today or ahead, not locked). Marking a visit someone else marked is a no-op.
    /// </summary>
    public async Task SetRideAlongAsync(Viewer viewer, int plannedVisitId, bool join, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visit = await db.Set<PlannedVisit>().SingleOrDefaultAsync(candidate => candidate.Id == plannedVisitId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        var plan = await db.Set<MorningPlan>().AsNoTracking().Where(candidate => candidate.Id == visit.PlanId)
            .Select(candidate => new { candidate.TeamId, candidate.Day, candidate.LockedAt })
            .SingleAsync(cancellationToken);
        viewer.EnsureCanManageTeam(plan.TeamId);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, plan.TeamId, cancellationToken));
        switch (PlanRules.Editability(plan.Day, today, plan.LockedAt))
        {
            case PlanEditability.Locked:
                throw new PlanLockedException();
            case PlanEditability.PastDay:
                throw new PlanRuleException("Rule_DayIsOver");
        }

        if (visit.RemovedAt is not null)
        {
            throw new PlanRuleException("Rule_VisitRemoved");
        }

        if (visit.Kind != PlannedVisitKind.Visit)
        {
            throw new PlanRuleException("Rule_RideAlongVisitsOnly");
        }

        if (join == (visit.RideAlongRequestedByUserId is not null))
        {
            return;
        }

        visit.RideAlongRequestedByUserId = join ? viewer.UserId : null;
        visit.RideAlongRequestedAt = join ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(plan.TeamId, MorningPlanTopics.RideAlongMarks, visit.PlanId, viewer, cancellationToken);
        foreach (var subscriber in markSubscribers)
        {
            if (!join)
            {
                await subscriber.UnmarkedAsync(viewer, plan.TeamId, plannedVisitId, cancellationToken);
            }
            else if ((await RideAlongRequestsAsync(viewer, plan.TeamId, plan.Day, cancellationToken)).FirstOrDefault(request => request.PlannedVisitId == plannedVisitId) is { } request)
            {
                await subscriber.MarkedAsync(viewer, request, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The visits of a team's day (today by default) that a manager marked to join, in time order. The ride-along feature
    /// reads this to turn marks into ride-alongs; <see cref="MorningPlanTopics.RideAlongMarks"/> tells when they change.
    /// </summary>
    public async Task<IReadOnlyList<RideAlongRequest>> RideAlongRequestsAsync(Viewer viewer, int teamId, DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var date = day ?? TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        var rows = await (from visit in db.Set<PlannedVisit>().AsNoTracking()
                          join plan in db.Set<MorningPlan>() on visit.PlanId equals plan.Id
                          where plan.TeamId == teamId && plan.Day == date && visit.RideAlongRequestedByUserId != null && visit.RemovedAt == null
                          select new { Visit = visit, plan.RepId })
            .ToListAsync(cancellationToken);
        var names = await TeamData.NamesAsync(db, rows.SelectMany(row => new[] { row.RepId, row.Visit.RideAlongRequestedByUserId }), cancellationToken);
        return [.. rows
            .OrderBy(row => row.Visit.StartsAt ?? TimeOnly.MaxValue).ThenBy(row => row.Visit.Id)
            .Select(row => new RideAlongRequest(
                row.Visit.Id, row.Visit.PlanId, teamId, date, row.RepId, names.GetValueOrDefault(row.RepId, "?"),
                row.Visit.RideAlongRequestedByUserId!, names.GetValueOrDefault(row.Visit.RideAlongRequestedByUserId!, "?"),
                row.Visit.CustomerId, row.Visit.CustomerName, row.Visit.Purpose, row.Visit.StartsAt, row.Visit.EndsAt, row.Visit.ExpectedResult,
                row.Visit.RideAlongRequestedAt!.Value))];
    }

    private Task PublishAsync(int teamId, string topic, int planId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, topic, planId.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
}
