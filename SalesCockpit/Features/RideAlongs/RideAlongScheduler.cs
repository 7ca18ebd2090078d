using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>Plans ride-alongs and lists them: a team's managers see the team's, a rep only their own.</summary>
public sealed class RideAlongScheduler(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int PastListLength = 30;

    /// <summary>
    /// Schedules a ride-along with a rep on one of the team's customers. With a <see cref="ScheduleRideAlongInput.PlannedVisitId"/>
    /// (a manager marked a planned visit "I will join") it is idempotent: the ride-along already made for that visit is returned.
    /// </summary>
    public async Task<int> ScheduleAsync(Viewer manager, ScheduleRideAlongInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(input);
        manager.EnsureCanManageTeam(input.TeamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.PlannedVisitId is { } plannedVisitId
            && await db.Set<RideAlong>().AsNoTracking().Where(rideAlong => rideAlong.PlannedVisitId == plannedVisitId)
                .Select(rideAlong => new { rideAlong.Id, rideAlong.TeamId }).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            manager.EnsureCanManageTeam(existing.TeamId);
            return existing.Id;
        }

        var timeZoneId = await TeamData.TimeZoneAsync(db, input.TeamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var errors = RideAlongRules.Validate(input, today);
        if (!string.IsNullOrWhiteSpace(input.RepId) && !await TeamData.IsActiveRepAsync(db, input.TeamId, input.RepId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.RepId), "Validation_NotARep"));
        }

        if (input.CustomerId > 0 && !await db.Set<Customer>().AnyAsync(customer => customer.Id == input.CustomerId && customer.TeamId == input.TeamId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.CustomerId), "Validation_Required"));
        }

        var skillIds = input.FocusSkillIds.Distinct().ToList();
        var known = await db.Set<CoachingSkill>().Where(skill => skill.TeamId == input.TeamId && !skill.IsArchived && skillIds.Contains(skill.Id))
            .Select(skill => skill.Id).ToListAsync(cancellationToken);
        if (known.Count != skillIds.Count)
        {
            errors.Add(new FieldError(nameof(input.FocusSkillIds), "Validation_SkillsRequired"));
        }

        var startsAt = TimeZoneInfo.ConvertTimeToUtc(input.Day.ToDateTime(input.Time, DateTimeKind.Unspecified), TeamCalendar.Zone(timeZoneId));
        ValidationFailedException.ThrowIfAny(errors);

        var rideAlong = new RideAlong
        {
            TeamId = input.TeamId,
            ManagerId = manager.UserId,
            RepId = input.RepId,
            CustomerId = input.CustomerId,
            StartsAt = startsAt,
            Day = input.Day,
            Step = input.Step,
            FocusSkillIds = skillIds,
            PlannedVisitId = input.PlannedVisitId,
            Status = RideAlongStatus.Scheduled,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(rideAlong);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(rideAlong.TeamId, RideAlongTopics.Scheduled, rideAlong.Id, manager, cancellationToken);
        return rideAlong.Id;
    }

    public async Task CancelAsync(Viewer manager, int rideAlongId, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadOpenToCoachAsync(db, manager, rideAlongId, tracked: true, cancellationToken);
        db.Entry(rideAlong).Property(candidate => candidate.Version).OriginalValue = version;
        rideAlong.Status = RideAlongStatus.Cancelled;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await PublishAsync(rideAlong.TeamId, RideAlongTopics.Scheduled, rideAlong.Id, manager, cancellationToken);
    }

    /// <summary>Upcoming (today onwards, open) and past ride-alongs of a team; a rep gets only their own.</summary>
    public async Task<RideAlongList> ListAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var visible = db.Set<RideAlong>().AsNoTracking().Where(rideAlong => rideAlong.TeamId == teamId);
        if (!viewer.CanSeeTeamWide(teamId))
        {
            visible = visible.Where(rideAlong => rideAlong.RepId == viewer.UserId);
        }

        var upcoming = await visible.Where(rideAlong => rideAlong.Status == RideAlongStatus.Scheduled && rideAlong.Day >= today)
            .OrderBy(rideAlong => rideAlong.StartsAt).Take(200).ToListAsync(cancellationToken);
        var past = await visible.Where(rideAlong => rideAlong.Status != RideAlongStatus.Scheduled || rideAlong.Day < today)
            .OrderByDescending(rideAlong => rideAlong.StartsAt).Take(PastListLength).ToListAsync(cancellationToken);

        var row = await RowFactoryAsync(db, teamId, timeZoneId, [.. upcoming.Concat(past)], cancellationToken);
        return new RideAlongList(today, [.. upcoming.Select(row)], [.. past.Select(row)]);
    }

    /// <summary>
    /// The ride-alongs of the team's today, open or completed, in time order; a rep gets only their own. The team board and
    /// the stand-up screen both show this list.
    /// </summary>
    public async Task<RideAlongDay> TodayAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var today = TeamCalendar.Today(clock, timeZoneId);
        var teamWide = viewer.CanSeeTeamWide(teamId);
        var rideAlongs = await db.Set<RideAlong>().AsNoTracking()
            .Where(rideAlong => rideAlong.TeamId == teamId && rideAlong.Day == today && rideAlong.Status != RideAlongStatus.Cancelled)
            .Where(rideAlong => teamWide || rideAlong.RepId == viewer.UserId)
            .OrderBy(rideAlong => rideAlong.StartsAt).ThenBy(rideAlong => rideAlong.Id)
            .ToListAsync(cancellationToken);
        var row = await RowFactoryAsync(db, teamId, timeZoneId, rideAlongs, cancellationToken);
        return new RideAlongDay(today, [.. rideAlongs.Select(row)]);
    }

    private static async Task<Func<RideAlong, RideAlongRow>> RowFactoryAsync(
        AppDbContext db, int teamId, string timeZoneId, IReadOnlyList<RideAlong> all, CancellationToken cancellationToken)
    {
        var names = await TeamData.NamesAsync(db, all.SelectMany(rideAlong => new[] { rideAlong.RepId, rideAlong.ManagerId }), cancellationToken);
        var customerIds = all.Select(rideAlong => rideAlong.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(customer => customerIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
        var skills = await RideAlongData.SkillsAsync(db, teamId, cancellationToken);
        return rideAlong => new(
            rideAlong.Id, rideAlong.Day, RideAlongData.LocalTime(rideAlong.StartsAt, timeZoneId), rideAlong.RepId, names.GetValueOrDefault(rideAlong.RepId, "?"),
            names.GetValueOrDefault(rideAlong.ManagerId, "?"), rideAlong.CustomerId, customers.GetValueOrDefault(rideAlong.CustomerId, "?"), rideAlong.Step,
            RideAlongData.Pick(skills, rideAlong.FocusSkillIds), rideAlong.Status);
    }

    /// <summary>One ride-along. The rep sees the manager's notes, scores and feedback once it is completed.</summary>
    public async Task<RideAlongDetails> GetAsync(Viewer viewer, int rideAlongId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadVisibleAsync(db, viewer, rideAlongId, tracked: false, cancellationToken);
        var isCoach = viewer.CanManageTeam(rideAlong.TeamId);
        var showCoaching = isCoach || rideAlong.Status == RideAlongStatus.Completed;
        var timeZoneId = await TeamData.TimeZoneAsync(db, rideAlong.TeamId, cancellationToken);
        var customerName = await db.Set<Customer>().Where(customer => customer.Id == rideAlong.CustomerId).Select(customer => customer.Name).SingleOrDefaultAsync(cancellationToken) ?? "?";
        var skills = await RideAlongData.SkillsAsync(db, rideAlong.TeamId, cancellationToken);
        var notes = showCoaching
            ? await db.Set<RideAlongNote>().AsNoTracking().Where(note => note.RideAlongId == rideAlongId).OrderBy(note => note.TakenAt).ThenBy(note => note.SavedAt).ToListAsync(cancellationToken)
            : [];
        var scores = showCoaching
            ? await db.Set<SkillScore>().AsNoTracking().Where(score => score.RideAlongId == rideAlongId).ToDictionaryAsync(score => score.SkillId, score => score.Score, cancellationToken)
            : [];
        var actions = await db.Set<AgreedAction>().AsNoTracking().Where(action => action.RideAlongId == rideAlongId).OrderBy(action => action.DueOn).ThenBy(action => action.CreatedAt).ToListAsync(cancellationToken);
        var names = await TeamData.NamesAsync(db, actions.Select(action => action.OwnerId).Append(rideAlong.RepId).Append(rideAlong.ManagerId), cancellationToken);

        return new RideAlongDetails(
            rideAlong.Id, rideAlong.TeamId, timeZoneId, rideAlong.Day, RideAlongData.LocalTime(rideAlong.StartsAt, timeZoneId),
            rideAlong.RepId, names.GetValueOrDefault(rideAlong.RepId, "?"), rideAlong.ManagerId, names.GetValueOrDefault(rideAlong.ManagerId, "?"),
            rideAlong.CustomerId, customerName, rideAlong.Step, RideAlongData.Pick(skills, rideAlong.FocusSkillIds), rideAlong.Status, rideAlong.CompletedAt,
            rideAlong.RepAccount, showCoaching ? rideAlong.Feedback : null,
            [.. notes.Select(note => new NoteView(note.Id, note.Text, note.Tag, note.TakenAt, RideAlongData.LocalTime(note.TakenAt, timeZoneId)))],
            scores,
            [.. actions.Select(action => new ActionView(action.Id, action.Text, action.OwnerId, names.GetValueOrDefault(action.OwnerId, "?"), action.DueOn, action.DoneAt is not null))],
            isCoach, rideAlong.RepId == viewer.UserId, rideAlong.Version);
    }

    public async Task<SchedulingOptions> SchedulingOptionsAsync(Viewer manager, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.EnsureCanManageTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await TeamSkills.EnsureDefaultsAsync(db, teamId, clock, cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, teamId, cancellationToken));
        var reps = await ActiveRepsAsync(db, teamId, cancellationToken);
        var skills = await RideAlongData.SkillsAsync(db, teamId, cancellationToken);
        var steps = await db.Set<LadderPosition>().AsNoTracking().Where(position => position.TeamId == teamId)
            .ToDictionaryAsync(position => (position.RepId, position.SkillId), position => position.Step, cancellationToken);
        return new SchedulingOptions(today, reps, [.. skills.Values.Where(skill => !skill.IsArchived).OrderBy(skill => skill.SortOrder)], steps);
    }

    internal static async Task<List<(string Id, string Name)>> ActiveRepsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        var rows = await (from membership in db.Set<TeamMembership>()
                          join userRole in db.UserRoles on membership.UserId equals userRole.UserId
                          join role in db.Roles on userRole.RoleId equals role.Id
                          where membership.TeamId == teamId && role.Name == Roles.Rep && membership.User!.IsActive
                          orderby membership.User!.DisplayName
                          select new { membership.UserId, membership.User!.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.UserId, row.DisplayName))];
    }

    private Task PublishAsync(int teamId, string topic, int rideAlongId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, topic, rideAlongId.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
}
