using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

public enum FlowBackReason
{
    NoFollowUp,
    NoProgress,
}

public sealed record FlowBackDue(DateOnly On, FlowBackReason Reason);

/// <summary>Days left before a held customer flows back; <see cref="IsWarning"/> inside the team's warning period.</summary>
public sealed record FlowBackCountdown(DateOnly On, int DaysLeft, bool IsWarning)
{
    public bool IsDue => DaysLeft <= 0;
}

/// <summary>
/// When a held customer flows back to the public pool. Both clocks count calendar days in the team's time zone:
/// a customer last followed up on day D with a hold of H days flows back at the start of day D + H.
/// </summary>
public sealed class FlowBackPolicy(CustomerPoolSettings settings, string timeZoneId, TimeProvider clock)
{
    public DateOnly Today => TeamCalendar.Today(clock, timeZoneId);

    /// <summary>Null when the customer is not held or is exempt (won, locked, an exempt opportunity).</summary>
    public FlowBackDue? Due(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.OwnerId is null || customer.IsLocked || customer.Status is CustomerStatus.Won or CustomerStatus.Lost
            || (customer.Status == CustomerStatus.Opportunity && settings.OpportunitiesExempt))
        {
            return null;
        }

        FlowBackDue? due = null;
        if (customer.HoldClockAt is { } hold)
        {
            due = new FlowBackDue(TeamCalendar.DateOf(hold, timeZoneId).AddDays(settings.HoldDays(customer.Level)), FlowBackReason.NoFollowUp);
        }

        if (settings.NoProgressDays > 0 && customer.ProgressClockAt is { } progress)
        {
            var progressDue = TeamCalendar.DateOf(progress, timeZoneId).AddDays(settings.NoProgressDays);
            if (due is null || progressDue < due.On)
            {
                due = new FlowBackDue(progressDue, FlowBackReason.NoProgress);
            }
        }

        return due;
    }

    /// <summary>Recomputes the stored flow-back date after anything that touches the clocks.</summary>
    public void Apply(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        customer.FlowBackOn = Due(customer)?.On;
    }

    public FlowBackCountdown? Countdown(DateOnly? flowBackOn)
    {
        if (flowBackOn is not { } on)
        {
            return null;
        }

        var daysLeft = on.DayNumber - Today.DayNumber;
        return new FlowBackCountdown(on, daysLeft, daysLeft <= settings.WarningDays);
    }
}

/// <summary>What the claim rule needs to know about the rep and the customer, read in the claim's transaction.</summary>
public sealed record ClaimFacts(int HeldCount, int ClaimedToday, DateOnly? LastLetGoOn);

public sealed record PoolDecision(bool Allowed, string? ReasonKey = null, params object[] Arguments)
{
    public static PoolDecision Yes { get; } = new(true);

    public static PoolDecision No(string reasonKey, params object[] arguments) => new(false, reasonKey, arguments);
}

/// <summary>Whether a rep may take one more customer from the public pool.</summary>
public sealed class ClaimPolicy(CustomerPoolSettings settings, string timeZoneId, TimeProvider clock)
{
    public PoolDecision Decide(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.HeldCount >= settings.PrivatePoolCapacity)
        {
            return PoolDecision.No("Claim_AtCapacity", settings.PrivatePoolCapacity);
        }

        if (facts.ClaimedToday >= settings.DailyClaimLimit)
        {
            return PoolDecision.No("Claim_DailyLimit", settings.DailyClaimLimit);
        }

        if (facts.LastLetGoOn is { } letGo)
        {
            var again = letGo.AddDays(settings.ReclaimCooldownDays);
            if (TeamCalendar.Today(clock, timeZoneId) < again)
            {
                return PoolDecision.No("Claim_CoolDown", again);
            }
        }

        return PoolDecision.Yes;
    }

    /// <summary>Creating or being handed a customer obeys capacity only.</summary>
    public PoolDecision DecideCapacity(int heldCount, int adding = 1) =>
        heldCount + adding > settings.PrivatePoolCapacity ? PoolDecision.No("Claim_AtCapacity", settings.PrivatePoolCapacity) : PoolDecision.Yes;
}

public static class PersonaMatch
{
    public static PersonaFit Fit(CustomerPoolSettings settings, Industry industry, SizeBand sizeBand, DevelopmentStage stage)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = Configured(settings);
        var matched = (settings.PersonaIndustries.Contains(industry) ? 1 : 0)
            + (settings.PersonaSizeBands.Contains(sizeBand) ? 1 : 0)
            + (settings.PersonaStages.Contains(stage) ? 1 : 0);
        return FromScore(configured, matched);
    }

    public static int Configured(CustomerPoolSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.PersonaIndustries.Count > 0 ? 1 : 0) + (settings.PersonaSizeBands.Count > 0 ? 1 : 0) + (settings.PersonaStages.Count > 0 ? 1 : 0);
    }

    public static PersonaFit FromScore(int configured, int matched) =>
        configured == 0 ? PersonaFit.Unknown
        : matched >= configured ? PersonaFit.Strong
        : matched == 0 ? PersonaFit.Weak
        : PersonaFit.Partial;
}

public static class ValidLeadChecklist
{
    /// <summary>The team's criteria the customer has not met yet; "decision maker identified" is met by a contact marked so.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> criteria, IReadOnlyCollection<string> met, bool hasDecisionMaker)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(met);
        return [.. criteria.Where(criterion => criterion == CustomerPoolSettings.DecisionMakerCriterion ? !hasDecisionMaker : !met.Contains(criterion))];
    }

    public static bool IsAutomatic(string criterion) => criterion == CustomerPoolSettings.DecisionMakerCriterion;
}

/// <summary>An open opportunity is stalled when its last follow-up or its last stage change is at least N team-zone days old.</summary>
public sealed class StalledOpportunityRule(int days, string timeZoneId, TimeProvider clock)
{
    /// <summary>Instants before this are "N days ago or more".</summary>
    public DateTime CutoffUtc => TeamCalendar.StartOfDayUtc(TeamCalendar.Today(clock, timeZoneId).AddDays(1 - days), timeZoneId);

    public bool IsStalled(DateTime stageChangedAt, DateTime? lastFollowUpAt, DateTime createdAt)
    {
        var lastTouch = lastFollowUpAt is { } followUp && followUp > createdAt ? followUp : createdAt;
        return stageChangedAt < CutoffUtc || lastTouch < CutoffUtc;
    }
}
