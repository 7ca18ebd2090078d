namespace SalesCockpit.Features.Targets;

// Stored as integers: append new members at the end, never renumber.
public enum PeriodKind
{
    Month = 0,
    Quarter = 1,
}

/// <summary>What a target counts. A team chooses which of these count for it.</summary>
public enum TargetMeasure
{
    /// <summary>Amount of the opportunities closed by customers won in the period (cents).</summary>
    Revenue = 0,

    /// <summary>Leads that became valid leads in the period.</summary>
    ValidLeads = 1,

    /// <summary>Visit follow-ups in the period.</summary>
    Visits = 2,
}

/// <summary>考核目标 (set by the manager, assessed) or 挑战目标 (set by the rep, never assessed).</summary>
public enum TargetKind
{
    Standard = 0,
    Stretch = 1,
}
