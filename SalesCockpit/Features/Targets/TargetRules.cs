using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Targets;

/// <summary>What a rep achieved, per measure (revenue in cents).</summary>
public readonly record struct Tally(long Revenue, long ValidLeads, long Visits)
{
    public long Of(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Revenue => Revenue,
        TargetMeasure.ValidLeads => ValidLeads,
        _ => Visits,
    };

    public static Tally operator +(Tally left, Tally right) =>
        new(left.Revenue + right.Revenue, left.ValidLeads + right.ValidLeads, left.Visits + right.Visits);

    public Tally Add(Tally other) => this + other;
}

/// <summary>A target per measure (revenue in cents); null where no target is set.</summary>
public sealed record TargetValues(long? Revenue, long? ValidLeads, long? Visits)
{
    public static TargetValues None { get; } = new(null, null, null);

    public long? Of(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Revenue => Revenue,
        TargetMeasure.ValidLeads => ValidLeads,
        _ => Visits,
    };

    public bool IsEmpty => Revenue is null && ValidLeads is null && Visits is null;

    public static TargetValues Sum(IEnumerable<TargetValues> values)
    {
        var list = values.ToList();
        return new(SumOf(TargetMeasure.Revenue), SumOf(TargetMeasure.ValidLeads), SumOf(TargetMeasure.Visits));

        long? SumOf(TargetMeasure measure) =>
            list.Any(value => value.Of(measure) is not null) ? list.Sum(value => value.Of(measure) ?? 0) : null;
    }
}

/// <summary>Attainment against a target: actual ÷ target; none without a positive target.</summary>
public static class Attainment
{
    public static decimal? Of(long actual, long? target) => target is > 0 ? (decimal)actual / target.Value : null;

    /// <summary>
    /// The assessed attainment over the team's measures: the mean of the measures that have a standard target.
    /// Only the standard target goes in: the stretch target is the rep's own and is never assessed.
    /// </summary>
    public static decimal? Overall(TargetValues standard, Tally actual, IReadOnlyCollection<TargetMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(measures);
        var parts = measures.Select(measure => Of(actual.Of(measure), standard.Of(measure))).OfType<decimal>().ToList();
        return parts.Count == 0 ? null : parts.Average();
    }
}

/// <summary>Where a rep should be by today: the target spread evenly over the period's working days.</summary>
public sealed class PaceRule(WorkingCalendar calendar)
{
    public static PaceRule Default { get; } = new(WorkingCalendar.MondayToFriday);

    public int WorkingDays(TargetPeriod period) => calendar.Count(period.Start, period.LastDay);

    /// <summary>Working days of the period up to and including <paramref name="today"/> (all of them once it is over).</summary>
    public int ElapsedWorkingDays(TargetPeriod period, DateOnly today) =>
        today < period.Start ? 0 : calendar.Count(period.Start, today < period.End ? today : period.LastDay);

    /// <summary>The share of the period's working days that has passed by the end of <paramref name="today"/>.</summary>
    public decimal ElapsedShare(TargetPeriod period, DateOnly today)
    {
        var total = WorkingDays(period);
        return total == 0 ? 1m : (decimal)ElapsedWorkingDays(period, today) / total;
    }

    /// <summary>Standard target × elapsed working days ÷ working days in the period.</summary>
    public decimal? Expected(long? target, TargetPeriod period, DateOnly today)
    {
        if (target is null)
        {
            return null;
        }

        var total = WorkingDays(period);
        return total == 0 ? target.Value : (decimal)target.Value * ElapsedWorkingDays(period, today) / total;
    }
}

public sealed record Ranked<T>(T Item, int? Rank);

/// <summary>Standard competition ranking ("1, 2, 2, 4"): equal scores share a rank; items without a score are unranked, last.</summary>
public static class CompetitionRanking
{
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> items, Func<T, decimal?> score)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        var scored = items.Select(item => (Item: item, Score: score(item))).ToList();
        var ranked = scored.Where(entry => entry.Score is not null).OrderByDescending(entry => entry.Score).ToList();
        var result = new List<Ranked<T>>(scored.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Score == ranked[i - 1].Score ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked<T>(ranked[i].Item, rank));
        }

        result.AddRange(scored.Where(entry => entry.Score is null).Select(entry => new Ranked<T>(entry.Item, null)));
        return result;
    }
}

/// <summary>Counts customer outcomes into tallies, per rep and per day of a period in the team's zone.</summary>
public static class OutcomeTally
{
    public static Dictionary<string, Tally> PerRep(TeamOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var tallies = new Dictionary<string, Tally>();
        foreach (var deal in outcomes.WonDeals)
        {
            tallies[deal.RepId] = tallies.GetValueOrDefault(deal.RepId) + new Tally(deal.AmountCents, 0, 0);
        }

        // A customer that became a valid lead twice in a period (lost, then reclaimed) is still one valid lead.
        foreach (var lead in outcomes.ValidLeads.DistinctBy(lead => (lead.RepId, lead.CustomerId)))
        {
            tallies[lead.RepId] = tallies.GetValueOrDefault(lead.RepId) + new Tally(0, 1, 0);
        }

        foreach (var visit in outcomes.Visits)
        {
            tallies[visit.RepId] = tallies.GetValueOrDefault(visit.RepId) + new Tally(0, 0, 1);
        }

        return tallies;
    }

    /// <summary>Running totals at the end of each day of the period, for the reps given (all when null).</summary>
    public static IReadOnlyList<Tally> Cumulative(TeamOutcomes outcomes, TargetPeriod period, string timeZoneId, IReadOnlySet<string>? reps = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var days = period.End.DayNumber - period.Start.DayNumber;
        var daily = new Tally[days];
        void Add(string repId, DateTime at, Tally tally)
        {
            var index = Teams.TeamCalendar.DateOf(at, timeZoneId).DayNumber - period.Start.DayNumber;
            if ((reps is null || reps.Contains(repId)) && index >= 0 && index < days)
            {
                daily[index] += tally;
            }
        }

        foreach (var deal in outcomes.WonDeals)
        {
            Add(deal.RepId, deal.WonAt, new Tally(deal.AmountCents, 0, 0));
        }

        foreach (var lead in outcomes.ValidLeads.DistinctBy(lead => (lead.RepId, lead.CustomerId)))
        {
            Add(lead.RepId, lead.At, new Tally(0, 1, 0));
        }

        foreach (var visit in outcomes.Visits)
        {
            Add(visit.RepId, visit.At, new Tally(0, 0, 1));
        }

        for (var i = 1; i < days; i++)
        {
            daily[i] += daily[i - 1];
        }

        return daily;
    }
}

public static class TargetRules
{
    /// <summary>¥100 million in cents: a month's or quarter's target for one rep above this is a typo.</summary>
    public const long MaxRevenueCents = 100_000_000_00L;

    public const int MaxCount = 10_000;

    public static List<FieldError> Validate(TargetValues values, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        List<FieldError> errors = [];
        if (values.Revenue is < 0 or > MaxRevenueCents)
        {
            errors.Add(new FieldError(fieldPrefix + nameof(TargetMeasure.Revenue), "Validation_RevenueRange", MaxRevenueCents / 100));
        }

        foreach (var measure in new[] { TargetMeasure.ValidLeads, TargetMeasure.Visits })
        {
            if (values.Of(measure) is < 0 or > MaxCount)
            {
                errors.Add(new FieldError(fieldPrefix + measure, "Validation_CountRange", MaxCount));
            }
        }

        return errors;
    }

    /// <summary>The field a bulk sheet error is shown beside: the rep's row and the measure's column.</summary>
    public static string SheetField(string repId, TargetMeasure measure) => $"{repId}.{measure}";
}
