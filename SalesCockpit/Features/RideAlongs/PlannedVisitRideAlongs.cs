using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>
/// A visit the manager marked "I will join" on the stand-up screen becomes a scheduled ride-along: at the visit's time,
/// coaching the skill where the rep stands lowest on the ladder, at that step. Taking the mark back cancels it while
/// nothing has been noted yet. Prospects typed into a plan are not customers yet, so they get no ride-along.
/// </summary>
public sealed class PlannedVisitRideAlongs(IDbContextFactory<AppDbContext> dbFactory, RideAlongScheduler scheduler) : IRideAlongMarkSubscriber
{
    /// <summary>When the rep planned the visit without a time.</summary>
    public static readonly TimeOnly DefaultTime = new(10, 0);

    public async Task MarkedAsync(Viewer manager, RideAlongRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CustomerId is not { } customerId)
        {
            return;
        }

        var options = await scheduler.SchedulingOptionsAsync(manager, request.TeamId, cancellationToken);
        var focus = options.Skills
            .Select(skill => (Skill: skill, Step: options.Steps.GetValueOrDefault((request.RepId, skill.Id), LadderStep.IDoYouWatch)))
            .OrderBy(candidate => candidate.Step)
            .Select(candidate => (SkillId: candidate.Skill.Id, candidate.Step))
            .FirstOrDefault();
        if (focus.SkillId == 0)
        {
            return;
        }

        await scheduler.ScheduleAsync(
            manager,
            new ScheduleRideAlongInput(request.TeamId, request.RepId, customerId, request.Day, request.StartsAt ?? DefaultTime, focus.Step, [focus.SkillId], request.PlannedVisitId),
            cancellationToken);
    }

    public async Task UnmarkedAsync(Viewer manager, int teamId, int plannedVisitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var untouched = await db.Set<RideAlong>().AsNoTracking()
            .Where(rideAlong => rideAlong.PlannedVisitId == plannedVisitId && rideAlong.TeamId == teamId && rideAlong.Status == RideAlongStatus.Scheduled)
            .Where(rideAlong => !db.Set<RideAlongNote>().Any(note => note.RideAlongId == rideAlong.Id))
            .Select(rideAlong => new { rideAlong.Id, rideAlong.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (untouched is not null)
        {
            await scheduler.CancelAsync(manager, untouched.Id, untouched.Version, cancellationToken);
        }
    }
}
