using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Tests.Features.RideAlongs;

public sealed class RideAlongSchedulingTests : IDisposable
{
    private readonly RideAlongServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task AManagerSchedulesARideAlongAndTheRepSeesItUpcoming()
    {
        var crew = await services.CrewAsync();

        var id = await services.ScheduleAsync(crew, RideAlongServices.Today.AddDays(1));

        var mine = await services.Scheduler.ListAsync(crew.Rep, crew.Team.Id);
        var row = Assert.Single(mine.Upcoming);
        Assert.Equal(id, row.Id);
        Assert.Equal(RideAlongServices.StartTime, row.Time);
        Assert.Equal(LadderStep.YouDoIWatch, row.Step);
        Assert.Equal(["Opening", "Objection handling"], row.FocusSkills.Select(skill => skill.NameEn));
        Assert.Contains(services.Bus.Published, published => published.Topic == RideAlongTopics.Scheduled && published.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SchedulingFromAPlannedVisitTwiceMakesOneRideAlong()
    {
        var crew = await services.CrewAsync();

        var first = await services.ScheduleAsync(crew, plannedVisitId: 42);
        var second = await services.ScheduleAsync(crew, plannedVisitId: 42);

        Assert.Equal(first, second);
        Assert.Single((await services.Scheduler.ListAsync(crew.Manager, crew.Team.Id)).Upcoming);
    }

    [Fact]
    public async Task RefusesADayInThePastAndNoSkillsWithMessagesPerField()
    {
        var crew = await services.CrewAsync();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Scheduler.ScheduleAsync(crew.Manager,
            RideAlongServices.Input(crew, RideAlongServices.Today.AddDays(-1)) with { FocusSkillIds = [] }));

        Assert.Equal("Validation_DayInPast", invalid.MessageKeyFor(nameof(ScheduleRideAlongInput.Day)));
        Assert.Equal("Validation_SkillsRequired", invalid.MessageKeyFor(nameof(ScheduleRideAlongInput.FocusSkillIds)));
    }

    [Fact]
    public async Task RefusesACustomerOrRepOfAnotherTeam()
    {
        var east = await services.CrewAsync("East");
        var north = await services.CrewAsync("North");

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Scheduler.ScheduleAsync(east.Manager,
            RideAlongServices.Input(east) with { RepId = north.Rep.UserId, CustomerId = north.CustomerId }));

        Assert.Equal("Validation_NotARep", invalid.MessageKeyFor(nameof(ScheduleRideAlongInput.RepId)));
        Assert.NotNull(invalid.MessageKeyFor(nameof(ScheduleRideAlongInput.CustomerId)));
    }

    [Fact]
    public async Task RepsCannotSchedule()
    {
        var crew = await services.CrewAsync();

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Scheduler.ScheduleAsync(crew.Rep, RideAlongServices.Input(crew)));
    }

    [Fact]
    public async Task ARepSeesOnlyTheirOwnRideAlongsByListAndById()
    {
        var crew = await services.CrewAsync();
        var teammate = await services.Data.RepAsync(crew.Team);
        var theirs = await services.ScheduleAsync(crew, rep: teammate);
        var mine = await services.ScheduleAsync(crew);

        var list = await services.Scheduler.ListAsync(crew.Rep, crew.Team.Id);

        Assert.Equal([mine], list.Upcoming.Select(row => row.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Scheduler.GetAsync(crew.Rep, theirs));
        Assert.Equal(2, (await services.Scheduler.ListAsync(crew.Manager, crew.Team.Id)).Upcoming.Count);
    }

    [Fact]
    public async Task AnotherTeamsManagerSeesNoneByListByIdOrByEvent()
    {
        var east = await services.CrewAsync("East");
        var north = await services.CrewAsync("North");
        var received = new List<TeamEvent>();
        using var subscription = services.Bus.Subscribe(north.Team.Id, teamEvent =>
        {
            received.Add(teamEvent);
            return Task.CompletedTask;
        });

        var id = await services.CompletedAsync(east, 4);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Scheduler.ListAsync(north.Manager, east.Team.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Scheduler.GetAsync(north.Manager, id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Notebook.SaveTextAsync(north.Manager, id, DebriefField.Feedback, "Mine now"));
        Assert.Empty((await services.Scheduler.ListAsync(north.Manager, north.Team.Id)).Past);
        Assert.Empty(received);
    }

    [Fact]
    public async Task TheRepSeesNotesScoresAndFeedbackOnlyOnceCompleted()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);
        await services.Notebook.SaveNoteAsync(crew.Manager, id, new NoteInput(Guid.NewGuid(), "Talks too fast", NoteTag.ToImprove, DateTime.UtcNow));
        await services.Notebook.ScoreAsync(crew.Manager, id, crew.Skills[0].Id, 3);
        await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Slow down.");

        var during = await services.Scheduler.GetAsync(crew.Rep, id);
        Assert.Empty(during.Notes);
        Assert.Empty(during.Scores);
        Assert.Null(during.Feedback);

        await services.Debrief.CompleteAsync(crew.Manager, id);

        var after = await services.Scheduler.GetAsync(crew.Rep, id);
        Assert.Equal("Talks too fast", Assert.Single(after.Notes).Text);
        Assert.Equal(3, after.Scores[crew.Skills[0].Id]);
        Assert.Equal("Slow down.", after.Feedback);
    }

    [Fact]
    public async Task CancellingWithAStaleVersionSaysSomeoneElseChangedIt()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);
        var seen = await services.Scheduler.GetAsync(crew.Manager, id);
        await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Started writing");

        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Scheduler.CancelAsync(crew.Manager, id, seen.Version));

        var fresh = await services.Scheduler.GetAsync(crew.Manager, id);
        await services.Scheduler.CancelAsync(crew.Manager, id, fresh.Version);
        Assert.Equal(RideAlongStatus.Cancelled, (await services.Scheduler.GetAsync(crew.Manager, id)).Status);
    }
}
