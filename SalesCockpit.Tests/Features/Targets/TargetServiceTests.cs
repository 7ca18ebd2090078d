using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Tests.Features.Targets;

public sealed class TargetServiceTests : IDisposable
{
    private readonly TargetServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task ProgressIsComputedFromWonDealsValidLeadsAndVisits()
    {
        var (team, manager) = await services.TeamAsync();
        var rep = await services.Customers.Data.RepAsync(team);
        await services.WinAsync(team, rep, 120_000m);
        await services.VisitAsync(team, rep);
        await services.SetStandardAsync(manager, team, rep, new TargetValues(200_000_00, 4, 2));

        var progress = await services.Board.GetProgressAsync(rep, team.Id, TargetServices.November);

        var mine = progress.Rep(rep.UserId)!;
        Assert.Equal(new Tally(120_000_00, 1, 1), mine.Actual);
        Assert.Equal((0.6m + 0.25m + 0.5m) / 3, mine.Overall);
        Assert.Equal(19, progress.ElapsedWorkingDays);
        Assert.Equal(21, progress.WorkingDays);
        Assert.Equal(new Tally(120_000_00, 1, 1), progress.TeamDaily[25]);
        Assert.Equal(default, progress.TeamDaily[24]);
    }

    [Fact]
    public async Task TheStretchTargetIsShownButNeverAssessedOrRanked()
    {
        var (team, manager) = await services.TeamAsync();
        var steady = await services.Customers.Data.RepAsync(team);
        var ambitious = await services.Customers.Data.RepAsync(team);
        await services.WinAsync(team, steady, 50_000m);
        await services.WinAsync(team, ambitious, 80_000m);
        await services.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November,
        [
            new StandardTargetInput(steady.UserId, new TargetValues(100_000_00, null, null), null),
            new StandardTargetInput(ambitious.UserId, new TargetValues(100_000_00, null, null), null),
        ]);
        var before = await services.Board.GetProgressAsync(manager, team.Id, TargetServices.November);

        await services.Planner.SetStretchAsync(ambitious, team.Id, TargetServices.November, new TargetValues(1_000_000_00, 50, 80), null);
        await services.Planner.SetStretchAsync(steady, team.Id, TargetServices.November, new TargetValues(60_000_00, null, null), null);
        var after = await services.Board.GetProgressAsync(manager, team.Id, TargetServices.November);

        Assert.Equal(new TargetValues(1_000_000_00, 50, 80), after.Rep(ambitious.UserId)!.Stretch);
        Assert.Equal(before.Reps.Select(rep => rep.Overall), after.Reps.Select(rep => rep.Overall));
        Assert.Equal(before.Leaderboard(null), after.Leaderboard(null));
        Assert.Equal(before.Leaderboard(TargetMeasure.Revenue), after.Leaderboard(TargetMeasure.Revenue));
        Assert.Equal(ambitious.UserId, after.Leaderboard(null)[0].RepId);
        Assert.Equal(0.8m, after.Leaderboard(null)[0].Attainment);
    }

    [Fact]
    public async Task EqualAttainmentSharesARankOnTheLeaderboard()
    {
        var (team, manager) = await services.TeamAsync();
        var reps = new[] { await services.Customers.Data.RepAsync(team), await services.Customers.Data.RepAsync(team), await services.Customers.Data.RepAsync(team), await services.Customers.Data.RepAsync(team) };
        decimal[] amounts = [90_000m, 50_000m, 50_000m, 10_000m];
        for (var i = 0; i < reps.Length; i++)
        {
            await services.WinAsync(team, reps[i], amounts[i]);
        }

        await services.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November,
            [.. reps.Select(rep => new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, null, null), null))]);

        var board = (await services.Board.GetProgressAsync(reps[3], team.Id, TargetServices.November)).Leaderboard(TargetMeasure.Revenue);

        Assert.Equal([1, 2, 2, 4], board.Select(row => row.Rank));
        Assert.Equal(reps[0].UserId, board[0].RepId);
        Assert.Equal(reps[3].UserId, board[3].RepId);
    }

    [Fact]
    public async Task OnlyManagersSetStandardTargetsAndOnlyTheRepSetsTheirStretch()
    {
        var (team, manager) = await services.TeamAsync();
        var rep = await services.Customers.Data.RepAsync(team);
        var colleague = await services.Customers.Data.RepAsync(team);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.SetStandardAsync(rep, team, rep, new TargetValues(1, 1, 1)));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Planner.SetStretchAsync(manager, team.Id, TargetServices.November, new TargetValues(1, 1, 1), null));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Planner.GetSheetAsync(rep, team.Id, TargetServices.November));

        await services.Planner.SetStretchAsync(rep, team.Id, TargetServices.November, new TargetValues(5_000_00, null, 3), null);
        var seenByColleague = await services.Board.GetProgressAsync(colleague, team.Id, TargetServices.November);
        var seenByManager = await services.Board.GetProgressAsync(manager, team.Id, TargetServices.November);

        Assert.Null(seenByColleague.Rep(rep.UserId)!.Stretch);
        Assert.Equal(3, seenByManager.Rep(rep.UserId)!.Stretch!.Visits);
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Board.GetTrendAsync(colleague, team.Id, TargetServices.November, 3, rep.UserId));
    }

    [Fact]
    public async Task AnotherTeamsTargetsAndProgressLookLikeNotFound()
    {
        var (east, eastManager) = await services.TeamAsync();
        var (north, northManager) = await services.TeamAsync();
        var eastRep = await services.Customers.Data.RepAsync(east);
        var northRep = await services.Customers.Data.RepAsync(north);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Board.GetProgressAsync(northManager, east.Id, TargetServices.November));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Board.GetHeroesAsync(northRep, east.Id, TargetServices.November));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Planner.GetSheetAsync(northManager, east.Id, TargetServices.November));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Outcomes.BetweenAsync(northRep, east.Id, DateTime.MinValue, DateTime.MaxValue));
        // A manager cannot slip another team's rep into their own sheet.
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.SetStandardAsync(northManager, north, eastRep, new TargetValues(1, 1, 1)));

        await services.SetStandardAsync(eastManager, east, eastRep, new TargetValues(1, 1, 1));
        Assert.All(services.Customers.Bus.Published.Where(published => published.Topic == TargetTopics.Targets), published => Assert.Equal(east.Id, published.TeamId));
        Assert.DoesNotContain((await services.Board.GetProgressAsync(northManager, north.Id, TargetServices.November)).Reps, rep => rep.RepId == eastRep.UserId);
    }

    [Fact]
    public async Task AStaleSheetDoesNotOverwriteAnotherManagersTargets()
    {
        var (team, manager) = await services.TeamAsync();
        var deputy = await services.Customers.Data.ManagerAsync(team);
        var rep = await services.Customers.Data.RepAsync(team);
        await services.SetStandardAsync(manager, team, rep, new TargetValues(100_000_00, 5, 10));
        var mine = await services.Planner.GetSheetAsync(manager, team.Id, TargetServices.November);
        var theirs = await services.Planner.GetSheetAsync(deputy, team.Id, TargetServices.November);

        await services.Planner.SetStandardTargetsAsync(deputy, team.Id, TargetServices.November, [new StandardTargetInput(rep.UserId, new TargetValues(150_000_00, 5, 10), theirs.Rows[0].Version)]);

        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November, [new StandardTargetInput(rep.UserId, new TargetValues(90_000_00, 5, 10), mine.Rows[0].Version)]));
        Assert.Equal(150_000_00, (await services.Planner.GetSheetAsync(manager, team.Id, TargetServices.November)).Rows[0].Standard.Revenue);
    }

    [Fact]
    public async Task TheSheetOffersLastPeriodsTargetsToCopyAndNamesTheRowOfABadValue()
    {
        var (team, manager) = await services.TeamAsync();
        var rep = await services.Customers.Data.RepAsync(team);
        await services.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November.Previous, [new StandardTargetInput(rep.UserId, new TargetValues(80_000_00, 6, 12), null)]);

        var sheet = await services.Planner.GetSheetAsync(manager, team.Id, TargetServices.November);
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => services.SetStandardAsync(manager, team, rep, new TargetValues(-1, 6, 20_000)));

        Assert.Equal(new TargetValues(80_000_00, 6, 12), sheet.Rows[0].PreviousStandard);
        Assert.Equal(TargetValues.None, sheet.Rows[0].Standard);
        Assert.Equal("Validation_RevenueRange", invalid.MessageKeyFor(TargetRules.SheetField(rep.UserId, TargetMeasure.Revenue)));
        Assert.Equal("Validation_CountRange", invalid.MessageKeyFor(TargetRules.SheetField(rep.UserId, TargetMeasure.Visits)));
    }

    [Fact]
    public async Task TheTeamsMeasuresDecideWhatCounts()
    {
        var (team, manager) = await services.TeamAsync();
        var rep = await services.Customers.Data.RepAsync(team);
        await services.VisitAsync(team, rep);
        await services.SetStandardAsync(manager, team, rep, new TargetValues(100_000_00, null, 1));
        var measures = await services.Planner.GetMeasuresAsync(manager, team.Id);

        await services.Planner.SetMeasuresAsync(manager, team.Id, [TargetMeasure.Visits], measures.Version);
        var progress = await services.Board.GetProgressAsync(rep, team.Id, TargetServices.November);

        Assert.Equal([TargetMeasure.Visits], progress.Measures);
        Assert.Equal(1m, progress.Rep(rep.UserId)!.Overall);
        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Planner.SetMeasuresAsync(manager, team.Id, [TargetMeasure.Revenue], measures.Version));
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await services.Planner.SetMeasuresAsync(manager, team.Id, [], (await services.Planner.GetMeasuresAsync(manager, team.Id)).Version));
    }

    [Fact]
    public async Task TheTrendCoversTheLastPeriods()
    {
        var (team, manager) = await services.TeamAsync();
        var rep = await services.Customers.Data.RepAsync(team);
        await services.WinAsync(team, rep, 40_000m);
        await services.SetStandardAsync(manager, team, rep, new TargetValues(100_000_00, null, null));

        var trend = await services.Board.GetTrendAsync(rep, team.Id, TargetServices.November, 4, rep.UserId);

        Assert.Equal(["2026-08", "2026-09", "2026-10", "2026-11"], trend.Select(point => point.Period.Key));
        Assert.Equal(0.4m, trend[^1].Overall);
        Assert.Null(trend[0].Overall);
    }

    [Fact]
    public async Task HeroesAreTheTopThreeWithTheirWonDealsAndSharedLessons()
    {
        var lessons = new FakeStories();
        using var withStories = new TargetServices(stories: [lessons]);
        var (team, manager) = await withStories.TeamAsync();
        var reps = new List<Viewer>();
        for (var i = 0; i < 5; i++)
        {
            var rep = await withStories.Customers.Data.RepAsync(team);
            reps.Add(rep);
            if (i < 4)
            {
                await withStories.WinAsync(team, rep, 100_000m - (i * 20_000m));
            }
        }

        await withStories.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November,
            [.. reps.Select(rep => new StandardTargetInput(rep.UserId, new TargetValues(100_000_00, null, null), null))]);
        lessons.Lessons[reps[0].UserId] = [new SharedLesson(new DateOnly(2026, 11, 20), "Found the real decision maker through the IT lead")];

        var board = await withStories.Board.GetHeroesAsync(reps[4], team.Id, TargetServices.November);

        Assert.True(board.LessonsAvailable);
        Assert.Equal([reps[0].UserId, reps[1].UserId, reps[2].UserId], board.Heroes.Select(hero => hero.RepId));
        Assert.Equal(100_000_00, board.Heroes[0].Story.WonDeals.Single().AmountCents);
        Assert.Equal("Found the real decision maker through the IT lead", board.Heroes[0].Story.Lessons.Single().Text);
        Assert.Empty(board.Heroes[1].Story.Lessons);
    }

    [Fact]
    public async Task AHandoverKeepsEveryResultWithTheRepWhoEarnedItAndInTheTeamsTotal()
    {
        var (team, manager) = await services.TeamAsync();
        var departing = await services.Customers.Data.RepAsync(team);
        var colleague = await services.Customers.Data.RepAsync(team);
        var third = await services.Customers.Data.RepAsync(team);
        for (var i = 0; i < 10; i++)
        {
            await ValidLeadAsync(team, colleague, colleague);
        }

        for (var i = 0; i < 13; i++)
        {
            await ValidLeadAsync(team, departing, departing);
        }

        await ValidLeadAsync(team, departing, manager);
        await services.WinAsync(team, departing, 300_000m);
        await services.WinAsync(team, colleague, 90_000m);
        await services.WinAsync(team, third, 100_000m);
        await services.Planner.SetStandardTargetsAsync(manager, team.Id, TargetServices.November,
        [
            new StandardTargetInput(departing.UserId, new TargetValues(300_000_00, 15, null), null),
            new StandardTargetInput(colleague.UserId, new TargetValues(100_000_00, 10, null), null),
            new StandardTargetInput(third.UserId, new TargetValues(80_000_00, 1, null), null),
        ]);
        var before = await services.Board.GetProgressAsync(manager, team.Id, TargetServices.November);
        var heroesBefore = await services.Board.GetHeroesAsync(manager, team.Id, TargetServices.November);

        services.Customers.Clock.Advance(TimeSpan.FromDays(1));
        await DeactivateAsync(departing);
        Assert.Equal(15, await services.Customers.Pool.HandOverAsync(manager, team.Id, departing.UserId, null, colleague.UserId, "left the company"));
        var after = await services.Board.GetProgressAsync(manager, team.Id, TargetServices.November);
        var heroesAfter = await services.Board.GetHeroesAsync(manager, team.Id, TargetServices.November);
        var trend = await services.Board.GetTrendAsync(manager, team.Id, TargetServices.November, 1);

        Assert.Equal(new Tally(90_000_00, 11, 0), before.Rep(colleague.UserId)!.Actual);
        Assert.Equal(before.Rep(colleague.UserId)!.Actual, after.Rep(colleague.UserId)!.Actual);
        Assert.Equal(1.0m, after.Rep(colleague.UserId)!.Overall);
        Assert.Equal(before.Rep(colleague.UserId)!.Daily, after.Rep(colleague.UserId)!.Daily);
        Assert.Equal(before.Rep(third.UserId)!.Actual, after.Rep(third.UserId)!.Actual);
        Assert.Null(after.Rep(departing.UserId));
        Assert.Equal(new Tally(490_000_00, 27, 0), before.TeamActual);
        Assert.Equal(before.TeamActual, after.TeamActual);
        Assert.Equal(before.TeamDaily, after.TeamDaily);
        Assert.Equal(after.TeamActual, trend.Single().Actual);
        Assert.NotEmpty(heroesAfter.Heroes);
        Assert.Equal(third.UserId, heroesAfter.Heroes[0].RepId);
        Assert.Equal(heroesBefore.Heroes.Where(hero => hero.RepId != departing.UserId).Select(hero => (hero.RepId, hero.Overall)), heroesAfter.Heroes.Select(hero => (hero.RepId, hero.Overall)));
    }

    private async Task ValidLeadAsync(Team team, Viewer owner, Viewer promotedBy)
    {
        var id = await services.Customers.OwnedCustomerAsync(team, owner);
        await services.Customers.Pool.PromoteToValidLeadAsync(promotedBy, id);
    }

    private async Task DeactivateAsync(Viewer person)
    {
        await using var db = await services.Customers.Database.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(candidate => candidate.Id == person.UserId);
        user.IsActive = false;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task StreaksWaitForMorningPlansAndEveningReviews()
    {
        var today = new DateOnly(2026, 11, 26);
        HashSet<DateOnly> days = [today, today.AddDays(-1), today.AddDays(-2), today.AddDays(-3)];
        var plans = new FakeRhythm(RhythmParts.MorningPlans, days, []);
        var reviews = new FakeRhythm(RhythmParts.EveningReviews, [], days);

        Assert.False(await AvailableWithAsync());
        Assert.False(await AvailableWithAsync(plans));
        using var both = new TargetServices(rhythm: [plans, reviews]);
        var (team, _) = await both.TeamAsync();
        var rep = await both.Customers.Data.RepAsync(team);
        plans.RepIds.Add(rep.UserId);
        reviews.RepIds.Add(rep.UserId);

        var streaks = await both.Board.GetStreaksAsync(rep, team.Id);

        Assert.True(streaks.Available);
        Assert.Equal(4, streaks.Streaks.Single().Days);
    }

    private static async Task<bool> AvailableWithAsync(params IDailyRhythmSource[] sources)
    {
        using var target = new TargetServices(rhythm: sources);
        var (team, _) = await target.TeamAsync();
        var rep = await target.Customers.Data.RepAsync(team);
        var streaks = await target.Board.GetStreaksAsync(rep, team.Id);
        return streaks.Available;
    }

    private sealed class FakeStories : IHeroStorySource
    {
        public Dictionary<string, List<SharedLesson>> Lessons { get; } = [];

        public Task<IReadOnlyList<SharedLesson>> GetSharedLessonsAsync(int teamId, string repId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SharedLesson>>(Lessons.GetValueOrDefault(repId) ?? []);
    }

    private sealed class FakeRhythm(RhythmParts provides, HashSet<DateOnly> plans, HashSet<DateOnly> reviews) : IDailyRhythmSource
    {
        public List<string> RepIds { get; } = [];

        public RhythmParts Provides => provides;

        public Task<IReadOnlyList<RepRhythm>> GetRhythmAsync(int teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RepRhythm>>([.. RepIds.Select(repId => new RepRhythm(repId, plans, reviews))]);
    }
}
