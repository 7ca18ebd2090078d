using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Targets;

/// <summary>
/// One rep's target for one period: the standard target (考核目标, set by a manager) or the stretch target
/// (挑战目标, set by the rep). A null measure has no target.
/// </summary>
public sealed class RepTarget : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string RepId { get; set; }

    public PeriodKind PeriodKind { get; set; }

    /// <summary>The first day of the month or quarter.</summary>
    public DateOnly PeriodStart { get; set; }

    public TargetKind Kind { get; set; }

    /// <summary>Whole cents, as opportunities store money: orders and sums exactly on every provider.</summary>
    public long? RevenueCents { get; set; }

    public int? ValidLeads { get; set; }

    public int? Visits { get; set; }

    public required string SetById { get; set; }

    public DateTime SetAt { get; set; }

    public Guid Version { get; set; }

    public TargetValues Values => new(RevenueCents, ValidLeads, Visits);

    public void Apply(TargetValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        RevenueCents = values.Revenue;
        ValidLeads = (int?)values.ValidLeads;
        Visits = (int?)values.Visits;
    }
}

/// <summary>Which measures count for a team's targets and heroes. Absent: all of them.</summary>
public sealed class TeamTargetSettings : IVersioned
{
    public static readonly IReadOnlyList<TargetMeasure> AllMeasures = [TargetMeasure.Revenue, TargetMeasure.ValidLeads, TargetMeasure.Visits];

    public int TeamId { get; set; }

    public List<TargetMeasure> Measures { get; set; } = [.. AllMeasures];

    public Guid Version { get; set; }
}
