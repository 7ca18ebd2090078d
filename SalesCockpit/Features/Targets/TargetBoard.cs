using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Targets;

/// <summary>One rep in a period. <see cref="Stretch"/> is only filled for the rep themself and their managers.</summary>
public sealed record RepProgress(string RepId, string RepName, TargetValues Standard, TargetValues? Stretch, Tally Actual, decimal? Overall, IReadOnlyList<Tally> Daily);

public sealed record LeaderboardRow(int? Rank, string RepId, string RepName, long Actual, long? Standard, decimal? Attainment);

/// <summary>A team's targets and what its reps achieved in a period, as of <see cref="Today"/> in the team's zone.</summary>
public sealed record TeamProgress(
    int TeamId,
    string TimeZoneId,
    TargetPeriod Period,
    DateOnly Today,
    IReadOnlyList<TargetMeasure> Measures,
    int WorkingDays,
    int ElapsedWorkingDays,
    IReadOnlyList<RepProgress> Reps,
    IReadOnlyList<Tally> TeamDaily,
    string CurrencyCode = TeamMoney.DefaultCurrency)
{
    public decimal PaceShare => WorkingDays == 0 ? 1m : (decimal)ElapsedWorkingDays / WorkingDays;

    public TargetValues TeamStandard => TargetValues.Sum(Reps.Select(rep => rep.Standard));

    /// <summary>Everything the team achieved, including the results of reps who have left it since.</summary>
    public Tally TeamActual => TeamDaily.Count > 0 ? TeamDaily[^1] : default;

    public RepProgress? Rep(string repId) => Reps.FirstOrDefault(rep => rep.RepId == repId);

    /// <summary>Ranked by attainment of the standard target on one measure, or overall when <paramref name="measure"/> is null.</summary>
    public IReadOnlyList<LeaderboardRow> Leaderboard(TargetMeasure? measure) =>
        [.. CompetitionRanking.Rank(Reps, rep => measure is { } m ? Attainment.Of(rep.Actual.Of(m), rep.Standard.Of(m)) : rep.Overall)
            .Select(ranked => new LeaderboardRow(
                ranked.Rank,
                ranked.Item.RepId,
                ranked.Item.RepName,
                measure is { } m ? ranked.Item.Actual.Of(m) : 0,
                measure is { } m2 ? ranked.Item.Standard.Of(m2) : null,
                measure is { } m3 ? Attainment.Of(ranked.Item.Actual.Of(m3), ranked.Item.Standard.Of(m3)) : ranked.Item.Overall))];
}

public sealed record TrendPoint(TargetPeriod Period, TargetValues Standard, Tally Actual, decimal? Overall);

public sealed record Hero(int Rank, string RepId, string RepName, decimal Overall, Tally Actual, HeroStory Story);

/// <summary>The period's heroes with their stories, and the whole team's overall ranking (for the wall).</summary>
public sealed record HeroBoard(TargetPeriod Period, IReadOnlyList<TargetMeasure> Measures, IReadOnlyList<Hero> Heroes, bool LessonsAvailable, IReadOnlyList<LeaderboardRow> Ranking, decimal PaceShare);

public sealed record RepStreak(string RepId, string RepName, int Days);

/// <summary><see cref="Available"/> is false until the features that own morning plans and evening reviews provide their days.</summary>
public sealed record StreakBoard(bool Available, IReadOnlyList<RepStreak> Streaks);

/// <summary>
/// Progress, leaderboards, trends, heroes and streaks. Progress is always computed from the customer records, never
/// typed in; attainment and ranks use the standard target only.
/// </summary>
public sealed class TargetBoard(
    IDbContextFactory<AppDbContext> dbFactory,
    TeamDirectory teams,
    CustomerOutcomes outcomes,
    IEnumerable<IDailyRhythmSource> rhythmSources,
    IEnumerable<IHeroStorySource> storySources,
    TimeProvider clock)
{
    public const int MaxHeroRank = 3;

    public async Task<TeamProgress> GetProgressAsync(Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken = default) =>
        (await LoadAsync(viewer, teamId, period, cancellationToken)).Progress;

    public async Task<HeroBoard> GetHeroesAsync(Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken = default)
    {
        var (progress, records) = await LoadAsync(viewer, teamId, period, cancellationToken);
        var heroes = new List<Hero>();
        var ranking = progress.Leaderboard(null);
        foreach (var row in ranking.Where(row => row.Rank <= MaxHeroRank && row.Attainment > 0))
        {
            var rep = progress.Rep(row.RepId)!;
            var deals = records.WonDeals.Where(deal => deal.RepId == row.RepId)
                .Select(deal => new WonDealSummary(deal.CustomerName, deal.Titles, deal.AmountCents, TeamCalendar.DateOf(deal.WonAt, progress.TimeZoneId)));
            var lessons = new List<SharedLesson>();
            foreach (var source in storySources)
            {
                lessons.AddRange(await source.GetSharedLessonsAsync(teamId, row.RepId, period.Start, period.LastDay, cancellationToken));
            }

            heroes.Add(new Hero(row.Rank!.Value, row.RepId, row.RepName, row.Attainment!.Value, rep.Actual, HeroStoryComposer.Compose(deals, lessons)));
        }

        return new HeroBoard(period, progress.Measures, heroes, storySources.Any(), ranking, progress.PaceShare);
    }

    /// <summary>The last <paramref name="count"/> periods up to <paramref name="current"/>, for the team or for one rep.</summary>
    public async Task<IReadOnlyList<TrendPoint>> GetTrendAsync(Viewer viewer, int teamId, TargetPeriod current, int count, string? repId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        if (repId is not null && repId != viewer.UserId)
        {
            viewer.EnsureCanManageTeam(teamId);
        }

        var team = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        // The team's line keeps the results of reps who have left; its standard is the targets of today's reps.
        HashSet<string>? credited = repId is null ? null : [repId];
        var reps = repId is null ? team.Reps.Select(rep => rep.UserId).ToHashSet() : [repId];
        var periods = current.WithPrevious(count);
        var (fromUtc, _) = periods[0].UtcRange(team.TimeZoneId);
        var (_, toUtc) = current.UtcRange(team.TimeZoneId);
        var records = await outcomes.BetweenAsync(viewer, teamId, fromUtc, toUtc, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measures = TargetPlanner.Ordered((await TargetPlanner.SettingsAsync(db, teamId, cancellationToken)).Measures);
        var starts = periods.Select(period => period.Start).ToList();
        var targets = await db.Set<RepTarget>().AsNoTracking()
            .Where(target => target.TeamId == teamId && target.PeriodKind == current.Kind && target.Kind == TargetKind.Standard && starts.Contains(target.PeriodStart))
            .ToListAsync(cancellationToken);

        return [.. periods.Select(period =>
        {
            var daily = OutcomeTally.Cumulative(records, period, team.TimeZoneId, credited);
            var actual = daily.Count > 0 ? daily[^1] : default;
            var standard = TargetValues.Sum(targets.Where(target => target.PeriodStart == period.Start && reps.Contains(target.RepId)).Select(target => target.Values));
            return new TrendPoint(period, standard, actual, Attainment.Overall(standard, actual, measures));
        })];
    }

    public async Task<StreakBoard> GetStreaksAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var team = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        var provided = rhythmSources.Aggregate(RhythmParts.None, (parts, source) => parts | source.Provides);
        if (provided != (RhythmParts.MorningPlans | RhythmParts.EveningReviews))
        {
            return new StreakBoard(false, []);
        }

        var today = TeamCalendar.Today(clock, team.TimeZoneId);
        var plans = new Dictionary<string, HashSet<DateOnly>>();
        var reviews = new Dictionary<string, HashSet<DateOnly>>();
        foreach (var source in rhythmSources)
        {
            foreach (var rhythm in await source.GetRhythmAsync(teamId, today.AddDays(-StreakRule.LookBackDays), today, cancellationToken))
            {
                Days(plans, rhythm.RepId).UnionWith(rhythm.PlanDays);
                Days(reviews, rhythm.RepId).UnionWith(rhythm.ReviewDays);
            }
        }

        var streaks = team.Reps
            .Select(rep => new RepStreak(rep.UserId, rep.DisplayName, StreakRule.Default.Current(Days(plans, rep.UserId), Days(reviews, rep.UserId), today)))
            .OrderByDescending(streak => streak.Days).ThenBy(streak => streak.RepName, StringComparer.CurrentCulture)
            .ToList();
        return new StreakBoard(true, streaks);

        static HashSet<DateOnly> Days(Dictionary<string, HashSet<DateOnly>> byRep, string repId) =>
            byRep.TryGetValue(repId, out var days) ? days : byRep[repId] = [];
    }

    private async Task<(TeamProgress Progress, TeamOutcomes Records)> LoadAsync(Viewer viewer, int teamId, TargetPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var team = await teams.GetTeamAsync(viewer, teamId, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(team.TimeZoneId);
        var records = await outcomes.BetweenAsync(viewer, teamId, fromUtc, toUtc, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measures = TargetPlanner.Ordered((await TargetPlanner.SettingsAsync(db, teamId, cancellationToken)).Measures);
        var targets = await db.Set<RepTarget>().AsNoTracking()
            .Where(target => target.TeamId == teamId && target.PeriodKind == period.Kind && target.PeriodStart == period.Start)
            .ToListAsync(cancellationToken);

        var today = TeamCalendar.Today(clock, team.TimeZoneId);
        var manages = viewer.CanManageTeam(teamId);
        var reps = team.Reps.Select(rep =>
        {
            var standard = targets.FirstOrDefault(target => target.RepId == rep.UserId && target.Kind == TargetKind.Standard)?.Values ?? TargetValues.None;
            var stretch = manages || rep.UserId == viewer.UserId
                ? targets.FirstOrDefault(target => target.RepId == rep.UserId && target.Kind == TargetKind.Stretch)?.Values ?? TargetValues.None
                : null;
            var daily = OutcomeTally.Cumulative(records, period, team.TimeZoneId, new HashSet<string> { rep.UserId });
            var actual = daily.Count > 0 ? daily[^1] : default;
            return new RepProgress(rep.UserId, rep.DisplayName, standard, stretch, actual, Attainment.Overall(standard, actual, measures), daily);
        }).ToList();

        var teamDaily = OutcomeTally.Cumulative(records, period, team.TimeZoneId);
        var pace = PaceRule.Default;
        var progress = new TeamProgress(teamId, team.TimeZoneId, period, today, measures, pace.WorkingDays(period), pace.ElapsedWorkingDays(period, today), reps, teamDaily, team.CurrencyCode);
        return (progress, records);
    }
}
