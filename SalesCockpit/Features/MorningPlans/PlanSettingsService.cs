using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>A team's daily expectations per rep and its plan-due time: everyone in the team reads them, managers change them.</summary>
public sealed class PlanSettingsService(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus)
{
    public async Task<MorningPlanSettings> GetAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PlanData.SettingsAsync(db, teamId, cancellationToken);
    }

    /// <summary>Saves the settings (optimistic on <see cref="MorningPlanSettings.Version"/>, which is updated on the input).</summary>
    public async Task UpdateAsync(Viewer viewer, int teamId, MorningPlanSettings input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureCanManageTeam(teamId);
        ValidationFailedException.ThrowIfAny(PlanRules.Validate(input));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var settings = await db.Set<MorningPlanSettings>().SingleOrDefaultAsync(candidate => candidate.TeamId == teamId, cancellationToken);
        if (settings is null)
        {
            if (input.Version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            settings = new MorningPlanSettings { TeamId = teamId };
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(candidate => candidate.Version).OriginalValue = input.Version;
        }

        settings.ExpectedVisits = input.ExpectedVisits;
        settings.ExpectedCalls = input.ExpectedCalls;
        settings.ExpectedNewValidLeads = input.ExpectedNewValidLeads;
        settings.PlanDueAt = new TimeOnly(input.PlanDueAt.Hour, input.PlanDueAt.Minute);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A stale version, or two first saves racing to create the row.
            throw new ConcurrentEditException();
        }

        input.Version = settings.Version;
        await eventBus.PublishAsync(new TeamEvent(teamId, MorningPlanTopics.Settings, ActorId: viewer.UserId), cancellationToken);
    }
}
