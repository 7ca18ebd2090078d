using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>After the visit: the manager completes the ride-along; the rep works through the agreed actions.</summary>
public sealed class RideAlongDebrief(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    /// <summary>Completes a ride-along: feedback is required; scores, notes and actions become final and the rep sees them.</summary>
    public async Task CompleteAsync(Viewer manager, int rideAlongId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadOpenToCoachAsync(db, manager, rideAlongId, tracked: true, cancellationToken);
        if (!RideAlongRules.CanComplete(rideAlong.StartsAt, clock.GetUtcNow().UtcDateTime))
        {
            throw new ValidationFailedException([new FieldError(nameof(RideAlong.Status), "Validation_NotStartedYet")]);
        }

        if (string.IsNullOrWhiteSpace(rideAlong.Feedback))
        {
            throw new ValidationFailedException([new FieldError(nameof(RideAlong.Feedback), "Validation_FeedbackRequired")]);
        }

        rideAlong.Status = RideAlongStatus.Completed;
        rideAlong.CompletedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await eventBus.PublishAsync(new TeamEvent(rideAlong.TeamId, RideAlongTopics.Completed, rideAlongId.ToString(CultureInfo.InvariantCulture), manager.UserId), cancellationToken);
    }

    /// <summary>The owner (or a manager of the team) ticks an agreed action off, or opens it again.</summary>
    public async Task SetActionDoneAsync(Viewer viewer, Guid actionId, bool done, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var action = await db.Set<AgreedAction>().SingleOrDefaultAsync(candidate => candidate.Id == actionId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        await RideAlongData.LoadVisibleAsync(db, viewer, action.RideAlongId, tracked: false, cancellationToken);
        if (action.OwnerId != viewer.UserId && !viewer.CanManageTeam(action.TeamId))
        {
            throw new TeamAccessDeniedException(action.TeamId);
        }

        action.DoneAt = done ? action.DoneAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(action.TeamId, RideAlongTopics.Debrief, action.RideAlongId.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
    }

    /// <summary>
    /// The rep's open agreed actions from completed ride-alongs that are due on <paramref name="day"/> or earlier,
    /// for the morning plan's suggestions. Only the viewer's own actions.
    /// </summary>
    public Task<IReadOnlyList<AgreedActionDue>> AgreedActionsDueAsync(Viewer rep, int teamId, DateOnly day, CancellationToken cancellationToken = default) =>
        AgreedActionsDueAsync(rep, teamId, day, day, cancellationToken);

    /// <summary>The rep's open agreed actions due by <paramref name="until"/>; <see cref="AgreedActionDue.Overdue"/> is relative to <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<AgreedActionDue>> AgreedActionsDueAsync(Viewer rep, int teamId, DateOnly day, DateOnly until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rep);
        rep.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from action in db.Set<AgreedAction>().AsNoTracking()
                          join rideAlong in db.Set<RideAlong>() on action.RideAlongId equals rideAlong.Id
                          join customer in db.Set<Customer>() on rideAlong.CustomerId equals customer.Id
                          where action.TeamId == teamId && action.OwnerId == rep.UserId && action.DoneAt == null && action.DueOn <= until
                                && rideAlong.Status == RideAlongStatus.Completed
                          orderby action.DueOn, action.CreatedAt
                          select new
                          {
                              action.Id,
                              action.RideAlongId,
                              action.Text,
                              action.DueOn,
                              customer.Name,
                              rideAlong.CustomerId,
                              ManagerName = db.Users.Where(user => user.Id == rideAlong.ManagerId).Select(user => user.DisplayName).FirstOrDefault(),
                          })
            .Take(100)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new AgreedActionDue(row.Id, row.RideAlongId, row.Text, row.DueOn, row.DueOn < day, row.CustomerId, row.Name, row.ManagerName ?? "?"))];
    }
}
