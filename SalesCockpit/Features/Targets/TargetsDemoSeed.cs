using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Targets;

/// <summary>
/// Standard targets for the months and quarters the customer demo records cover (current and past), set from what each
/// rep really achieved so that attainment spreads from about 40% to 130%; stretch targets for most reps. North-2 counts
/// revenue and visits only.
/// </summary>
internal sealed class TargetsDemoSeed(TeamDirectory teams, CustomerOutcomes outcomes, TimeProvider clock) : IDemoSeedStep
{
    private static readonly Viewer System = new("demo-seed", "Demo seed", Roles.Admin, []);

    public int Order => 40;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(20261207);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var team in await db.Set<Team>().AsNoTracking().OrderBy(team => team.Id).ToListAsync(cancellationToken))
        {
            var members = await teams.GetTeamAsync(System, team.Id, cancellationToken);
            var reps = members.Reps.OrderBy(rep => rep.UserId, StringComparer.Ordinal).Select(rep => rep.UserId).ToList();
            var manager = members.Managers.FirstOrDefault()?.UserId;
            if (reps.Count == 0 || manager is null)
            {
                continue;
            }

            var measures = team.Name == TeamsDemoSeed.NorthTeamName ? [TargetMeasure.Revenue, TargetMeasure.Visits] : TeamTargetSettings.AllMeasures.ToList();
            db.Add(new TeamTargetSettings { TeamId = team.Id, Measures = measures });
            var today = TeamCalendar.Today(clock, team.TimeZoneId);
            var month = TargetPeriod.Containing(PeriodKind.Month, today);
            var quarter = TargetPeriod.Containing(PeriodKind.Quarter, today);
            foreach (var period in month.WithPrevious(4).Concat(quarter.WithPrevious(2)))
            {
                var (fromUtc, toUtc) = period.UtcRange(team.TimeZoneId);
                var actuals = OutcomeTally.PerRep(await outcomes.BetweenAsync(System, team.Id, fromUtc, toUtc, cancellationToken));
                if (actuals.Count == 0)
                {
                    continue; // before the demo records begin
                }

                // Attainment from ~45% to ~130%, shuffled per period; in the running period, relative to the pace so far.
                var share = period.Contains(today) ? Math.Max(PaceRule.Default.ElapsedShare(period, today), 0.1m) : 1m;
                var ratios = Enumerable.Range(0, reps.Count).Select(i => 0.45m + (0.85m * i / Math.Max(1, reps.Count - 1))).OrderBy(_ => random.Next()).ToList();
                // Targets follow each rep's results (as a manager sets them from ability and history), kept within a
                // believable band around the team's typical target; a measure nobody had records for gets no target.
                var targets = measures.ToDictionary(measure => measure, measure =>
                {
                    var round = measure == TargetMeasure.Revenue ? 10_000_00L : 1L;
                    var raw = reps.Select((rep, i) => actuals.GetValueOrDefault(rep).Of(measure) / (ratios[i] * share)).ToList();
                    var positive = raw.Where(value => value > 0).Order().ToList();
                    if (positive.Count == 0)
                    {
                        return reps.Select(_ => (long?)null).ToList();
                    }

                    var median = positive[positive.Count / 2];
                    return reps.Select((rep, i) =>
                    {
                        var achieved = actuals.GetValueOrDefault(rep).Of(measure);
                        var target = Math.Max(achieved / (1.35m * share), Math.Clamp(raw[i] > 0 ? raw[i] : median, median * 0.5m, median * 2.5m));
                        return (long?)Math.Max(round, (long)Math.Round(target / round) * round);
                    }).ToList();
                });
                for (var i = 0; i < reps.Count; i++)
                {
                    long? Of(TargetMeasure measure) => targets.TryGetValue(measure, out var values) ? values[i] : null;
                    var standard = new TargetValues(Of(TargetMeasure.Revenue), Of(TargetMeasure.ValidLeads), Of(TargetMeasure.Visits));
                    if (standard.IsEmpty)
                    {
                        continue;
                    }

                    db.Add(Row(team.Id, reps[i], period, TargetKind.Standard, standard, manager, now));
                    if (random.Next(0, 4) > 0)
                    {
                        var lift = 1.2m + (random.Next(0, 4) * 0.1m);
                        db.Add(Row(team.Id, reps[i], period, TargetKind.Stretch, new TargetValues(
                            standard.Revenue is { } revenue ? (long)Math.Round(revenue * lift / 10_000_00L) * 10_000_00L : null,
                            standard.ValidLeads is { } leads ? (long)Math.Ceiling(leads * lift) : null,
                            standard.Visits is { } visits ? (long)Math.Ceiling(visits * lift) : null), reps[i], now));
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static RepTarget Row(int teamId, string repId, TargetPeriod period, TargetKind kind, TargetValues values, string setBy, DateTime now)
    {
        var target = new RepTarget { TeamId = teamId, RepId = repId, PeriodKind = period.Kind, PeriodStart = period.Start, Kind = kind, SetById = setBy, SetAt = now };
        target.Apply(values);
        return target;
    }
}
