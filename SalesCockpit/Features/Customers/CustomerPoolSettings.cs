using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>A team's rules for its customers, set by a manager. A team without a row uses these defaults.</summary>
public sealed class CustomerPoolSettings : IVersioned
{
    public const string DecisionMakerCriterion = "@DecisionMaker";
    public const string NeedConfirmedCriterion = "@NeedConfirmed";
    public const string BudgetKnownCriterion = "@BudgetKnown";

    public int TeamId { get; set; }

    public int PrivatePoolCapacity { get; set; } = 50;

    public bool WonCountAgainstCapacity { get; set; }

    public int DailyClaimLimit { get; set; } = 10;

    public int HoldDaysKey { get; set; } = 30;

    public int HoldDaysStandard { get; set; } = 15;

    public int HoldDaysSmall { get; set; } = 7;

    /// <summary>Days without a status advance or opportunity stage change before flow-back; 0 turns the rule off.</summary>
    public int NoProgressDays { get; set; } = 60;

    public int WarningDays { get; set; } = 3;

    public int ReclaimCooldownDays { get; set; } = 30;

    public bool OpportunitiesExempt { get; set; } = true;

    public int LockLimit { get; set; } = 3;

    public int StalledOpportunityDays { get; set; } = 14;

    public List<Industry> PersonaIndustries { get; set; } = [];

    public List<SizeBand> PersonaSizeBands { get; set; } = [];

    public List<DevelopmentStage> PersonaStages { get; set; } = [];

    /// <summary>Built-in keys start with '@' and are shown in the user's language; others are the manager's own words.</summary>
    public List<string> ValidLeadCriteria { get; set; } = [DecisionMakerCriterion, NeedConfirmedCriterion, BudgetKnownCriterion];

    public Guid Version { get; set; }

    public int HoldDays(CustomerLevel level) => level switch
    {
        CustomerLevel.Key => HoldDaysKey,
        CustomerLevel.Small => HoldDaysSmall,
        _ => HoldDaysStandard,
    };
}
