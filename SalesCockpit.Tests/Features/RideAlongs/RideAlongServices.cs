using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.RideAlongs;

/// <summary>
/// The ride-along and coaching services over one test database, a fake clock (26 Nov 2026, 09:00 Shanghai) and a recording bus.
/// Ride-alongs start at 08:00 that day: they have started, so they can be completed.
/// </summary>
public sealed class RideAlongServices : IDisposable
{
    public RideAlongServices()
    {
        Data = new TestData(Database);
        Pool = new CustomerPool(Database, Bus, Clock);
        Skills = new TeamSkills(Database, Bus, Clock);
        Scheduler = new RideAlongScheduler(Database, Bus, Clock);
        Notebook = new RideAlongNotebook(Database, Bus, Clock, NullLogger<RideAlongNotebook>.Instance);
        Debrief = new RideAlongDebrief(Database, Bus, Clock);
        Ladder = new CoachingLadder(Database, new TeamDirectory(Database), Skills, new RideAlongScores(), Bus, Clock);
    }

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    public static DateOnly Today => new(2026, 11, 26);

    public static TimeOnly StartTime => new(8, 0);

    public RecordingEventBus Bus { get; } = new();

    public TestData Data { get; }

    public CustomerPool Pool { get; }

    public TeamSkills Skills { get; }

    public RideAlongScheduler Scheduler { get; }

    public RideAlongNotebook Notebook { get; }

    public RideAlongDebrief Debrief { get; }

    public CoachingLadder Ladder { get; }

    /// <summary>A team with a manager and a rep who holds one customer.</summary>
    public async Task<Crew> CrewAsync(string? name = null)
    {
        var team = await Data.TeamAsync(name);
        var manager = await Data.ManagerAsync(team);
        var rep = await Data.RepAsync(team);
        var customerId = await Pool.CreateAsync(rep, team.Id, new CustomerInput(
            $"Customer {Guid.NewGuid():N}", null, "Suzhou", Industry.Manufacturing, SizeBand.Medium, DevelopmentStage.Growth, CustomerSource.Outbound, null, CustomerLevel.Standard, null, []));
        var skills = await Skills.ListAsync(manager, team.Id);
        return new Crew(team, manager, rep, customerId, skills);
    }

    public Task<int> ScheduleAsync(Crew crew, DateOnly? day = null, LadderStep step = LadderStep.YouDoIWatch, Viewer? rep = null, long? plannedVisitId = null) =>
        Scheduler.ScheduleAsync(crew.Manager, Input(crew, day, step, rep, plannedVisitId));

    public static ScheduleRideAlongInput Input(Crew crew, DateOnly? day = null, LadderStep step = LadderStep.YouDoIWatch, Viewer? rep = null, long? plannedVisitId = null) =>
        new(crew.Team.Id, (rep ?? crew.Rep).UserId, crew.CustomerId, day ?? Today, StartTime, step, [crew.Skills[0].Id, crew.Skills[3].Id], plannedVisitId);

    /// <summary>Schedules, scores the first focus skill, writes feedback and completes.</summary>
    public async Task<int> CompletedAsync(Crew crew, int score, LadderStep step = LadderStep.YouDoIWatch)
    {
        var id = await ScheduleAsync(crew, step: step);
        await Notebook.ScoreAsync(crew.Manager, id, crew.Skills[0].Id, score);
        await Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Good work.");
        await Debrief.CompleteAsync(crew.Manager, id);
        Clock.Advance(TimeSpan.FromHours(1));
        return id;
    }

    public void Dispose() => Database.Dispose();
}

public sealed record Crew(Team Team, Viewer Manager, Viewer Rep, int CustomerId, IReadOnlyList<SkillView> Skills);
