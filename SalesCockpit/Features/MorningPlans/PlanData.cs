using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>Reads shared by the plan services; none of them checks access.</summary>
internal static class PlanData
{
    public static async Task<MorningPlanSettings> SettingsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Set<MorningPlanSettings>().AsNoTracking().SingleOrDefaultAsync(settings => settings.TeamId == teamId, cancellationToken)
        ?? new MorningPlanSettings { TeamId = teamId };


    /// <summary>A plan is its rep's, and the team's managers'.</summary>
    public static void EnsureCanSee(Viewer viewer, int teamId, string repId)
    {
        viewer.EnsureCanSeeTeam(teamId);
        if (repId != viewer.UserId && !viewer.CanManageTeam(teamId))
        {
            throw new TeamAccessDeniedException(teamId);
        }
    }

    /// <summary>Maps plans (with their visits loaded) to views, with their comments and the names they mention.</summary>
    public static async Task<List<PlanView>> ToViewsAsync(AppDbContext db, IReadOnlyCollection<MorningPlan> plans, DateOnly today, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return [];
        }

        var planIds = plans.Select(plan => plan.Id).ToList();
        var comments = await db.Set<PlanComment>().AsNoTracking()
            .Where(comment => planIds.Contains(comment.PlanId))
            .OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id)
            .ToListAsync(cancellationToken);
        var names = await TeamData.NamesAsync(
            db,
            plans.Select(plan => plan.RepId)
                .Concat(comments.Select(comment => comment.AuthorId))
                .Concat(plans.SelectMany(plan => plan.Visits).Select(visit => visit.RideAlongRequestedByUserId)),
            cancellationToken);
        var commentsByPlan = comments.ToLookup(comment => comment.PlanId);
        string NameOf(string id) => names.GetValueOrDefault(id, "?");

        return [.. plans.Select(plan => new PlanView(
            plan.Id,
            plan.TeamId,
            plan.RepId,
            NameOf(plan.RepId),
            plan.Day,
            plan.Goals,
            plan.Stretch,
            new Commitment(plan.CommittedVisits, plan.CommittedCalls, plan.CommittedNewValidLeads),
            plan.SubmittedVisits is null ? null : new Commitment(plan.SubmittedVisits.Value, plan.SubmittedCalls ?? 0, plan.SubmittedNewValidLeads ?? 0),
            [.. plan.Visits.OrderBy(visit => visit.Position).ThenBy(visit => visit.Id).Select(visit => new PlannedVisitView(
                visit.Id, visit.Kind, visit.CustomerId, visit.CustomerName, visit.Purpose, visit.StartsAt, visit.EndsAt, visit.ExpectedResult, visit.SuggestionKey,
                PlanRules.ChangeOf(visit, plan.SubmittedAt),
                visit.RideAlongRequestedByUserId is { } managerId && visit.RideAlongRequestedAt is { } requestedAt
                    ? new RideAlongMark(managerId, NameOf(managerId), requestedAt)
                    : null))],
            [.. commentsByPlan[plan.Id].Select(comment => new PlanCommentView(comment.Id, comment.AuthorId, NameOf(comment.AuthorId), comment.Text, comment.CreatedAt))],
            plan.HandledSuggestions,
            plan.SubmittedAt,
            plan.EditedAfterSubmitAt,
            plan.LockedAt,
            PlanRules.Editability(plan.Day, today, plan.LockedAt),
            plan.Version))];
    }

}
