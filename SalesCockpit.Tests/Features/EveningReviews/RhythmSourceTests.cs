using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.EveningReviews;
using SalesCockpit.Features.MorningPlans;
using SalesCockpit.Features.Targets;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Features.MorningPlans;

namespace SalesCockpit.Tests.Features.EveningReviews;

/// <summary>What the evening feature lends Targets: the days with a submitted plan or review, and the lessons shared.</summary>
public sealed class RhythmSourceTests : IDisposable
{
    private static readonly DateOnly Thursday = PlanTestContext.Thursday;
    private readonly PlanTestContext context = new(services => services.AddSingleton<CustomerOutcomes>().AddEveningReviews());

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task TheSourcesGiveTheDaysWithASubmittedPlanOrReviewAndTheLessonsOfAPeriod()
    {
        var (east, rep) = await TeamWithRepAsync();
        await PlanAsync(east, rep, Thursday.AddDays(-1), submitted: true);
        await PlanAsync(east, rep, Thursday.AddDays(-2), submitted: false);
        await ReviewAsync(east, rep, Thursday.AddDays(-1), "Ask for the budget early");
        await ReviewAsync(east, rep, Thursday.AddDays(-9), "Too early for the period");
        var other = await context.Data.TeamAsync();
        await PlanAsync(other, await context.Data.RepAsync(other), Thursday.AddDays(-1), submitted: true);

        var plans = Assert.Single(await Source<PlanRhythmSource>().GetRhythmAsync(east.Id, Thursday.AddDays(-7), Thursday, default));
        var reviews = Assert.Single(await Source<ReviewRhythmSource>().GetRhythmAsync(east.Id, Thursday.AddDays(-7), Thursday, default));
        var lessons = await context.Get<IHeroStorySource>().GetSharedLessonsAsync(east.Id, rep.UserId, Thursday.AddDays(-7), Thursday, default);

        Assert.Equal(rep.UserId, plans.RepId);
        Assert.Equal([Thursday.AddDays(-1)], plans.PlanDays);
        Assert.Empty(plans.ReviewDays);
        Assert.Equal(rep.UserId, reviews.RepId);
        Assert.Equal([Thursday.AddDays(-1)], reviews.ReviewDays);
        Assert.Empty(reviews.PlanDays);
        Assert.Equal([new SharedLesson(Thursday.AddDays(-1), "Ask for the budget early")], lessons);
    }

    [Fact]
    public async Task AStreakShowsOnTargetsWhenTheRepHasBothAPlanAndAReviewOnConsecutiveWorkingDays()
    {
        var (east, rep) = await TeamWithRepAsync();
        var manager = await context.Data.ManagerAsync(east);
        foreach (var day in new[] { Thursday, Thursday.AddDays(-1), Thursday.AddDays(-2) })
        {
            await PlanAsync(east, rep, day, submitted: true);
        }

        await ReviewAsync(east, rep, Thursday, "Listen first");
        await ReviewAsync(east, rep, Thursday.AddDays(-1), "Bring the numbers");
        var board = new TargetBoard(
            context.Database, context.Get<TeamDirectory>(), context.Get<CustomerOutcomes>(), context.Get<IEnumerable<IDailyRhythmSource>>(),
            context.Get<IEnumerable<IHeroStorySource>>(), context.Clock);

        var streaks = await board.GetStreaksAsync(manager, east.Id);

        Assert.True(streaks.Available);
        // Tuesday has a plan but no review, so the streak is Wednesday and Thursday.
        Assert.Equal(2, Assert.Single(streaks.Streaks).Days);
    }

    private T Source<T>() where T : IDailyRhythmSource => context.Get<IEnumerable<IDailyRhythmSource>>().OfType<T>().Single();

    private async Task<(Team Team, Viewer Rep)> TeamWithRepAsync()
    {
        var team = await context.Data.TeamAsync();
        return (team, await context.Data.RepAsync(team));
    }

    private async Task PlanAsync(Team team, Viewer rep, DateOnly day, bool submitted)
    {
        await using var db = await context.Database.CreateDbContextAsync();
        var at = PlanTestContext.Shanghai(day, 8);
        db.Add(new MorningPlan { TeamId = team.Id, RepId = rep.UserId, Day = day, Goals = "Two demos", CreatedAt = at, SubmittedAt = submitted ? at : null });
        await db.SaveChangesAsync();
    }

    private async Task ReviewAsync(Team team, Viewer rep, DateOnly day, string lesson)
    {
        await using var db = await context.Database.CreateDbContextAsync();
        db.Add(new EveningReview { TeamId = team.Id, RepId = rep.UserId, Day = day, Wins = "A demo", Lesson = lesson, SubmittedAt = PlanTestContext.Shanghai(day, 18) });
        await db.SaveChangesAsync();
    }
}
