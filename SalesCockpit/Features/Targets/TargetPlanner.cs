using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Targets;

/// <summary>A rep's line on the manager's target sheet: this period's standard target and, to copy from, last period's.</summary>
public sealed record TargetSheetRow(string RepId, string RepName, TargetValues Standard, Guid? Version, TargetValues PreviousStandard, TargetValues Stretch);

public sealed record TargetSheet(TargetPeriod Period, IReadOnlyList<TargetMeasure> Measures, IReadOnlyList<TargetSheetRow> Rows);

/// <summary>One rep's standard target as the manager saves it; <see cref="Version"/> is what the manager loaded (null: none yet).</summary>
public sealed record StandardTargetInput(string RepId, TargetValues Values, Guid? Version);

public sealed record StretchTarget(TargetValues Values, Guid? Version);

public sealed record TeamMeasures(IReadOnlyList<TargetMeasure> Measures, Guid Version);

/// <summary>Setting targets: managers set the standard targets and the team's measures; each rep sets their own stretch target.</summary>
public sealed class TargetPlanner(IDbContextFactory<AppDbContext> dbFactory, TeamDirectory teams, ITeamEventBus eventBus, TimeProvider clock)
{
    public async Task<TeamMeasures> GetMeasuresAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await SettingsAsync(db, teamId, cancellationToken);
        return new TeamMeasures(Ordered(settings.Measures), settings.Version);
    }

    public async Task SetMeasuresAsync(Viewer viewer, int teamId, IReadOnlyCollection<TargetMeasure> measures, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(measures);
        viewer.EnsureCanManageTeam(teamId);
        if (measures.Count == 0)
        {
            throw new ValidationFailedException([new FieldError(nameof(TeamMeasures.Measures), "Validation_OneMeasure")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.Set<TeamTargetSettings>().SingleOrDefaultAsync(candidate => candidate.TeamId == teamId, cancellationToken);
        if (settings is null)
        {
            if (version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            settings = new TeamTargetSettings { TeamId = teamId };
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(candidate => candidate.Version).OriginalValue = version;
        }

        settings.Measures = [.. Ordered(measures)];
        await SaveAsync(db, cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(teamId, TargetTopics.Targets, ActorId: viewer.UserId), cancellationToken);
    }

    public async Task<TargetSheet> GetSheetAsync(Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        var reps = await teams.GetRepsAsync(viewer, teamId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await SettingsAsync(db, teamId, cancellationToken);
        var previous = period.Previous;
        var targets = await db.Set<RepTarget>().AsNoTracking()
            .Where(target => target.TeamId == teamId && target.PeriodKind == period.Kind && (target.PeriodStart == period.Start || target.PeriodStart == previous.Start))
            .ToListAsync(cancellationToken);
        RepTarget? Find(string repId, DateOnly start, TargetKind kind) =>
            targets.FirstOrDefault(target => target.RepId == repId && target.PeriodStart == start && target.Kind == kind);

        var rows = reps.Select(rep =>
        {
            var standard = Find(rep.UserId, period.Start, TargetKind.Standard);
            return new TargetSheetRow(
                rep.UserId,
                rep.DisplayName,
                standard?.Values ?? TargetValues.None,
                standard?.Version,
                Find(rep.UserId, previous.Start, TargetKind.Standard)?.Values ?? TargetValues.None,
                Find(rep.UserId, period.Start, TargetKind.Stretch)?.Values ?? TargetValues.None);
        }).ToList();
        return new TargetSheet(period, Ordered(settings.Measures), rows);
    }

    /// <summary>
    /// Saves the standard targets of a whole team for one period in one transaction. A row someone else saved since the
    /// manager loaded the sheet stops the save (nothing is overwritten); errors name the rep's row and measure.
    /// </summary>
    public async Task SetStandardTargetsAsync(Viewer viewer, int teamId, TargetPeriod period, IReadOnlyList<StandardTargetInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(inputs);
        viewer.EnsureCanManageTeam(teamId);
        ValidationFailedException.ThrowIfAny([.. inputs.SelectMany(input => TargetRules.Validate(input.Values, input.RepId + "."))]);
        var reps = (await teams.GetRepsAsync(viewer, teamId, cancellationToken)).Select(rep => rep.UserId).ToHashSet();
        if (inputs.Any(input => !reps.Contains(input.RepId)))
        {
            throw new TeamAccessDeniedException(teamId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Set<RepTarget>()
            .Where(target => target.TeamId == teamId && target.PeriodKind == period.Kind && target.PeriodStart == period.Start && target.Kind == TargetKind.Standard)
            .ToListAsync(cancellationToken);
        foreach (var input in inputs)
        {
            var target = existing.FirstOrDefault(candidate => candidate.RepId == input.RepId);
            if (target is null)
            {
                if (input.Version is not null)
                {
                    throw new ConcurrentEditException();
                }

                if (input.Values.IsEmpty)
                {
                    continue;
                }

                target = new RepTarget { TeamId = teamId, RepId = input.RepId, PeriodKind = period.Kind, PeriodStart = period.Start, Kind = TargetKind.Standard, SetById = viewer.UserId };
                db.Add(target);
            }
            else
            {
                if (target.Values == input.Values)
                {
                    continue;
                }

                db.Entry(target).Property(candidate => candidate.Version).OriginalValue = input.Version ?? Guid.Empty;
            }

            target.Apply(input.Values);
            target.SetById = viewer.UserId;
            target.SetAt = now;
        }

        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(teamId, TargetTopics.Targets, period.Key, viewer.UserId), cancellationToken);
    }

    public async Task<StretchTarget> GetStretchAsync(Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureRepOf(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindStretchAsync(db, viewer, teamId, period, cancellationToken);
        return new StretchTarget(target?.Values ?? TargetValues.None, target?.Version);
    }

    /// <summary>The rep's own stretch target: only they set it, and nothing assesses it.</summary>
    public async Task<Guid> SetStretchAsync(Viewer viewer, int teamId, TargetPeriod period, TargetValues values, Guid? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(values);
        viewer.EnsureRepOf(teamId);
        ValidationFailedException.ThrowIfAny(TargetRules.Validate(values));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindStretchAsync(db, viewer, teamId, period, cancellationToken);
        if (target is null)
        {
            if (version is not null)
            {
                throw new ConcurrentEditException();
            }

            target = new RepTarget { TeamId = teamId, RepId = viewer.UserId, PeriodKind = period.Kind, PeriodStart = period.Start, Kind = TargetKind.Stretch, SetById = viewer.UserId };
            db.Add(target);
        }
        else
        {
            db.Entry(target).Property(candidate => candidate.Version).OriginalValue = version ?? Guid.Empty;
        }

        target.Apply(values);
        target.SetAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(db, cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(teamId, TargetTopics.Targets, period.Key, viewer.UserId), cancellationToken);
        return target.Version;
    }

    internal static async Task<TeamTargetSettings> SettingsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Set<TeamTargetSettings>().AsNoTracking().SingleOrDefaultAsync(settings => settings.TeamId == teamId, cancellationToken)
        ?? new TeamTargetSettings { TeamId = teamId };

    internal static IReadOnlyList<TargetMeasure> Ordered(IEnumerable<TargetMeasure> measures) => [.. measures.Distinct().Order()];

    private static Task<RepTarget?> FindStretchAsync(AppDbContext db, Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken) =>
        db.Set<RepTarget>().SingleOrDefaultAsync(
            target => target.TeamId == teamId && target.RepId == viewer.UserId && target.PeriodKind == period.Kind && target.PeriodStart == period.Start && target.Kind == TargetKind.Stretch,
            cancellationToken);

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }
        catch (DbUpdateException)
        {
            // Someone created the same rep's target for the period at the same moment: the unique index refused ours.
            throw new ConcurrentEditException();
        }
    }
}
