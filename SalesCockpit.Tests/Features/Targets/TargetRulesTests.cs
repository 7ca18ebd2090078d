using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.Targets;

namespace SalesCockpit.Tests.Features.Targets;

public class TargetRulesTests
{
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public void PeriodsStartAtMidnightInTheTeamsZone()
    {
        var november = TargetPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 26));
        var (fromUtc, toUtc) = november.UtcRange(Shanghai);

        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), fromUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), toUtc);
    }

    [Fact]
    public void AQuarterInAZoneWithSummerTimeEndsAtLocalMidnight()
    {
        var q3 = TargetPeriod.Containing(PeriodKind.Quarter, new DateOnly(2026, 8, 15));
        var (fromUtc, toUtc) = q3.UtcRange("Europe/Berlin");

        Assert.Equal(new DateOnly(2026, 7, 1), q3.Start);
        Assert.Equal(new DateOnly(2026, 10, 1), q3.End);
        Assert.Equal(new DateTime(2026, 6, 30, 22, 0, 0, DateTimeKind.Utc), fromUtc);
        Assert.Equal(new DateTime(2026, 9, 30, 22, 0, 0, DateTimeKind.Utc), toUtc);
    }

    [Fact]
    public void TheCurrentPeriodIsTheOneContainingTodayInTheTeamsZone()
    {
        // 30 Nov 16:30 UTC is already 1 December in Shanghai, still November in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), TargetPeriod.Current(PeriodKind.Month, clock, Shanghai).Start);
        Assert.Equal(new DateOnly(2026, 11, 1), TargetPeriod.Current(PeriodKind.Month, clock, "America/New_York").Start);
        Assert.Equal(new DateOnly(2026, 10, 1), TargetPeriod.Current(PeriodKind.Quarter, clock, Shanghai).Start);
    }

    [Theory]
    [InlineData("2026-11", PeriodKind.Month, 2026, 11)]
    [InlineData("2026-Q4", PeriodKind.Quarter, 2026, 10)]
    [InlineData("2027-Q1", PeriodKind.Quarter, 2027, 1)]
    public void PeriodKeysRoundTrip(string key, PeriodKind kind, int year, int month)
    {
        Assert.True(TargetPeriod.TryParse(key, out var period));
        Assert.Equal(new TargetPeriod(kind, new DateOnly(year, month, 1)), period);
        Assert.Equal(key, period.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-11")]
    [InlineData("abcd-01")]
    public void MalformedPeriodKeysAreRefused(string? key) => Assert.False(TargetPeriod.TryParse(key, out _));

    [Fact]
    public void WorkingDaysAreMondayToFriday()
    {
        var calendar = WorkingCalendar.MondayToFriday;

        Assert.Equal(21, calendar.Count(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(66, PaceRule.Default.WorkingDays(TargetPeriod.Containing(PeriodKind.Quarter, new DateOnly(2026, 11, 1))));
        Assert.Equal(0, calendar.Count(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 27), calendar.PreviousWorkingDay(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void PaceSpreadsTheStandardTargetOverElapsedWorkingDays()
    {
        var november = TargetPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 1));

        // Thursday 26 November: 19 of 21 working days are over by tonight.
        Assert.Equal(19, PaceRule.Default.ElapsedWorkingDays(november, new DateOnly(2026, 11, 26)));
        Assert.Equal(1_900m, PaceRule.Default.Expected(2_100, november, new DateOnly(2026, 11, 26)));

        // The weekend adds nothing; before the period nothing is expected, after it everything.
        Assert.Equal(PaceRule.Default.ElapsedWorkingDays(november, new DateOnly(2026, 11, 27)), PaceRule.Default.ElapsedWorkingDays(november, new DateOnly(2026, 11, 29)));
        Assert.Equal(0m, PaceRule.Default.Expected(2_100, november, new DateOnly(2026, 10, 31)));
        Assert.Equal(2_100m, PaceRule.Default.Expected(2_100, november, new DateOnly(2026, 12, 3)));
        Assert.Null(PaceRule.Default.Expected(null, november, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void AttainmentCountsWonRevenueDistinctValidLeadsAndVisitsFromTheRecords()
    {
        var at = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
        var outcomes = new TeamOutcomes(
            [new WonDeal(1, "A", "Phase 1", 120_000_00, "rep", at), new WonDeal(2, "B", "Annual", 30_000_00, "rep", at), new WonDeal(3, "C", "Annual", 50_000_00, "other", at)],
            [new RepOutcome("rep", 4, at), new RepOutcome("rep", 4, at.AddDays(3)), new RepOutcome("rep", 5, at)],
            [new RepOutcome("rep", 1, at), new RepOutcome("other", 3, at)]);

        var tallies = OutcomeTally.PerRep(outcomes);

        Assert.Equal(new Tally(150_000_00, 2, 1), tallies["rep"]);
        Assert.Equal(new Tally(50_000_00, 0, 1), tallies["other"]);
        Assert.Equal(0.75m, Attainment.Of(tallies["rep"].Revenue, 200_000_00));
        Assert.Null(Attainment.Of(5, null));
        Assert.Null(Attainment.Of(5, 0));
    }

    [Fact]
    public void RecordsCountOnTheirDayInTheTeamsZone()
    {
        var november = TargetPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 1));
        var outcomes = new TeamOutcomes(
            [],
            [],
            [
                new RepOutcome("rep", 1, new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc)), // 1 Nov 01:00 in Shanghai
                new RepOutcome("rep", 2, new DateTime(2026, 10, 31, 15, 0, 0, DateTimeKind.Utc)), // 31 Oct 23:00 in Shanghai
                new RepOutcome("rep", 3, new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc)),
            ]);

        var daily = OutcomeTally.Cumulative(outcomes, november, Shanghai);

        Assert.Equal(30, daily.Count);
        Assert.Equal(1, daily[0].Visits);
        Assert.Equal(2, daily[1].Visits);
        Assert.Equal(2, daily[^1].Visits);
    }

    [Fact]
    public void OverallAttainmentIsTheMeanOfTheCountedMeasuresWithAStandardTarget()
    {
        var standard = new TargetValues(100_00, 10, null);
        var actual = new Tally(50_00, 15, 99);

        Assert.Equal(1.0m, Attainment.Overall(standard, actual, TeamTargetSettings.AllMeasures.ToList()));
        Assert.Equal(0.5m, Attainment.Overall(standard, actual, [TargetMeasure.Revenue]));
        Assert.Null(Attainment.Overall(TargetValues.None, actual, TeamTargetSettings.AllMeasures.ToList()));
    }

    [Fact]
    public void TiesShareARankAndTheNextRankIsSkipped()
    {
        var ranked = CompetitionRanking.Rank(["a", "b", "c", "d", "e"], name => name switch
        {
            "a" => 0.5m,
            "b" => 1.2m,
            "c" => 0.5m,
            "d" => null,
            _ => 0.1m,
        });

        Assert.Equal(["b", "a", "c", "e", "d"], ranked.Select(entry => entry.Item));
        Assert.Equal([1, 2, 2, 4, null], ranked.Select(entry => entry.Rank));
    }

    [Fact]
    public void AStreakCountsConsecutiveWorkingDaysWithBothPlanAndReview()
    {
        // Thursday 26 November 2026; the weekend of 21-22 neither counts nor breaks the streak.
        HashSet<DateOnly> plans = [new(2026, 11, 18), new(2026, 11, 19), new(2026, 11, 20), new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 26)];
        HashSet<DateOnly> reviews = [new(2026, 11, 19), new(2026, 11, 20), new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 25)];
        var today = new DateOnly(2026, 11, 26);

        // Today has no review yet: the day is not over, so the streak stands at 5 (19, 20, 23, 24, 25).
        Assert.Equal(5, StreakRule.Default.Current(plans, reviews, today));

        reviews.Add(today);
        Assert.Equal(6, StreakRule.Default.Current(plans, reviews, today));

        reviews.Remove(new DateOnly(2026, 11, 24));
        Assert.Equal(2, StreakRule.Default.Current(plans, reviews, today));
        Assert.Equal(0, StreakRule.Default.Current(plans, new HashSet<DateOnly>(), today));
    }

    [Fact]
    public void AHeroStoryShowsTheBiggestWonDealsAndTheLatestSharedLessons()
    {
        var deals = Enumerable.Range(1, 5).Select(i => new WonDealSummary($"Customer {i}", "Annual", i * 10_000_00L, new DateOnly(2026, 11, i))).ToList();
        SharedLesson[] lessons =
        [
            new(new DateOnly(2026, 11, 2), "Old lesson"),
            new(new DateOnly(2026, 11, 20), "Ask for the decision maker on the first visit"),
            new(new DateOnly(2026, 11, 22), " "),
            new(new DateOnly(2026, 11, 18), "Bring a peer case study"),
            new(new DateOnly(2026, 11, 10), "Quote instalments early"),
        ];

        var story = HeroStoryComposer.Compose(deals, lessons);

        Assert.Equal(["Customer 5", "Customer 4", "Customer 3"], story.WonDeals.Select(deal => deal.CustomerName));
        Assert.Equal(2, story.MoreDeals);
        Assert.Equal(["Ask for the decision maker on the first visit", "Bring a peer case study", "Quote instalments early"], story.Lessons.Select(lesson => lesson.Text));
    }
}
