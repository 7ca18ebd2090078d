using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Customers;

/// <summary>A team's pool rules, persona and valid-lead checklist: everyone in the team reads them, managers change them.</summary>
public sealed class PoolSettingsService(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int MaxCriteria = 10;

    public async Task<CustomerPoolSettings> GetAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        return await CustomerData.SettingsAsync(db, teamId, cancellationToken);
    }

    /// <summary>Saves the rules (optimistic on <see cref="CustomerPoolSettings.Version"/>) and re-dates every held customer's flow-back.</summary>
    public async Task UpdateAsync(Viewer viewer, int teamId, CustomerPoolSettings input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureCanManageTeam(teamId);
        ValidationFailedException.ThrowIfAny(Validate(input));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await db.Set<CustomerPoolSettings>().SingleOrDefaultAsync(candidate => candidate.TeamId == teamId, cancellationToken);
        if (settings is null)
        {
            if (input.Version != Guid.Empty)
            {
                throw new ConcurrentEditException();
            }

            settings = new CustomerPoolSettings { TeamId = teamId };
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(candidate => candidate.Version).OriginalValue = input.Version;
        }

        settings.PrivatePoolCapacity = input.PrivatePoolCapacity;
        settings.WonCountAgainstCapacity = input.WonCountAgainstCapacity;
        settings.DailyClaimLimit = input.DailyClaimLimit;
        settings.HoldDaysKey = input.HoldDaysKey;
        settings.HoldDaysStandard = input.HoldDaysStandard;
        settings.HoldDaysSmall = input.HoldDaysSmall;
        settings.NoProgressDays = input.NoProgressDays;
        settings.WarningDays = input.WarningDays;
        settings.ReclaimCooldownDays = input.ReclaimCooldownDays;
        settings.OpportunitiesExempt = input.OpportunitiesExempt;
        settings.LockLimit = input.LockLimit;
        settings.StalledOpportunityDays = input.StalledOpportunityDays;
        settings.PersonaIndustries = [.. input.PersonaIndustries.Distinct()];
        settings.PersonaSizeBands = [.. input.PersonaSizeBands.Distinct()];
        settings.PersonaStages = [.. input.PersonaStages.Distinct()];
        settings.ValidLeadCriteria = [.. input.ValidLeadCriteria.Select(criterion => criterion.Trim()).Where(criterion => criterion.Length > 0).Distinct()];
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await CustomerData.RecomputeFlowBackAsync(db, teamId, settings, timeZoneId, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        input.Version = settings.Version;
        await eventBus.PublishAsync(new TeamEvent(teamId, CustomerTopics.Settings, ActorId: viewer.UserId), cancellationToken);
    }

    public static List<FieldError> Validate(CustomerPoolSettings input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Range(nameof(input.PrivatePoolCapacity), input.PrivatePoolCapacity, 1, 2000);
        Range(nameof(input.DailyClaimLimit), input.DailyClaimLimit, 0, 500);
        Range(nameof(input.HoldDaysKey), input.HoldDaysKey, 1, 365);
        Range(nameof(input.HoldDaysStandard), input.HoldDaysStandard, 1, 365);
        Range(nameof(input.HoldDaysSmall), input.HoldDaysSmall, 1, 365);
        Range(nameof(input.NoProgressDays), input.NoProgressDays, 0, 730);
        Range(nameof(input.WarningDays), input.WarningDays, 0, 30);
        Range(nameof(input.ReclaimCooldownDays), input.ReclaimCooldownDays, 0, 365);
        Range(nameof(input.LockLimit), input.LockLimit, 0, 50);
        Range(nameof(input.StalledOpportunityDays), input.StalledOpportunityDays, 1, 365);
        var criteria = input.ValidLeadCriteria.Select(criterion => criterion.Trim()).Where(criterion => criterion.Length > 0).ToList();
        if (criteria.Count > MaxCriteria)
        {
            errors.Add(new FieldError(nameof(input.ValidLeadCriteria), "Validation_TooManyCriteria", MaxCriteria));
        }
        else if (criteria.Any(criterion => criterion.Length > CustomerRules.ShortTextMaxLength))
        {
            errors.Add(new FieldError(nameof(input.ValidLeadCriteria), "Validation_TooLong", CustomerRules.ShortTextMaxLength));
        }

        return errors;

        void Range(string field, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(new FieldError(field, "Validation_Range", min, max));
            }
        }
    }
}
