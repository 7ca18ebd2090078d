using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Tests.Features.RideAlongs;

public sealed class RideAlongNotebookTests : IDisposable
{
    private readonly RideAlongServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task ANoteSentAgainAfterALostAnswerIsSavedOnce()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);
        var note = new NoteInput(Guid.NewGuid(), "Customer asked about rollout time", NoteTag.CustomerSignal, new DateTime(2026, 11, 26, 0, 35, 0, DateTimeKind.Utc));

        await services.Notebook.SaveNoteAsync(crew.Manager, id, note);
        await services.Notebook.SaveNoteAsync(crew.Manager, id, note);
        await services.Notebook.SaveNoteAsync(crew.Manager, id, note with { Text = "Customer asked about rollout time twice" });

        var saved = Assert.Single((await services.Scheduler.GetAsync(crew.Manager, id)).Notes);
        Assert.Equal("Customer asked about rollout time twice", saved.Text);
        Assert.Equal(NoteTag.CustomerSignal, saved.Tag);
        Assert.Equal(new TimeOnly(8, 35), saved.LocalTime);
    }

    [Fact]
    public async Task ABatchFromTheBrowserSavesNotesScoresAndFeedbackAndNamesWhatItDealtWith()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);
        var noteId = Guid.NewGuid();

        var result = await services.Notebook.SaveAsync(crew.Manager, id,
        [
            new NotebookChange(noteId.ToString(), NotebookChangeKind.Note, noteId, "Strong opening", NoteTag.Strength, DateTime.UtcNow),
            new NotebookChange($"score:{crew.Skills[0].Id}", NotebookChangeKind.Score, SkillId: crew.Skills[0].Id, Score: 4),
            new NotebookChange("score:999", NotebookChangeKind.Score, SkillId: 999, Score: 4),
            new NotebookChange("text:Feedback", NotebookChangeKind.Text, Text: "Keep it up", Field: DebriefField.Feedback),
        ]);

        Assert.Equal([noteId.ToString(), $"score:{crew.Skills[0].Id}", "text:Feedback"], result.Done);
        Assert.Equal(["score:999"], result.Refused);
        var details = await services.Scheduler.GetAsync(crew.Manager, id);
        Assert.Equal(4, details.Scores[crew.Skills[0].Id]);
        Assert.Equal("Keep it up", details.Feedback);
        Assert.Contains(services.Bus.Published, published => published.Topic == RideAlongTopics.Debrief);
    }

    [Fact]
    public async Task ScoresAreOneToFiveAndCanBeCleared()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);
        var skill = crew.Skills[0].Id;

        Assert.Single((await services.Notebook.ScoreAsync(crew.Manager, id, skill, 6)).Refused);
        await services.Notebook.ScoreAsync(crew.Manager, id, skill, 5);
        await services.Notebook.ScoreAsync(crew.Manager, id, skill, null);

        Assert.Empty((await services.Scheduler.GetAsync(crew.Manager, id)).Scores);
    }

    [Fact]
    public async Task TheRepWritesTheirAccountButNoNotesAndTheManagerCannotWriteTheRepsAccount()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);

        var rep = await services.Notebook.SaveAsync(crew.Rep, id,
        [
            new NotebookChange("text:RepAccount", NotebookChangeKind.Text, Text: "I focused on rollout risk.", Field: DebriefField.RepAccount),
            new NotebookChange("n", NotebookChangeKind.Note, Guid.NewGuid(), "Sneaky note", null, DateTime.UtcNow),
        ]);
        var manager = await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.RepAccount, "Overwritten");

        Assert.Equal(["text:RepAccount"], rep.Done);
        Assert.Equal(["n"], rep.Refused);
        Assert.Single(manager.Refused);
        Assert.Equal("I focused on rollout risk.", (await services.Scheduler.GetAsync(crew.Manager, id)).RepAccount);
    }

    [Fact]
    public async Task NotesQueuedOfflineThatArriveAfterCompletionAreRefusedNotSaved()
    {
        var crew = await services.CrewAsync();
        var id = await services.CompletedAsync(crew, 4);

        var result = await services.Notebook.SaveNoteAsync(crew.Manager, id, new NoteInput(Guid.NewGuid(), "Late", null, DateTime.UtcNow));

        Assert.Single(result.Refused);
        Assert.Empty((await services.Scheduler.GetAsync(crew.Manager, id)).Notes);
    }

    [Fact]
    public async Task ADeviceClockInTheFutureIsNotBelieved()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);

        await services.Notebook.SaveNoteAsync(crew.Manager, id, new NoteInput(Guid.NewGuid(), "From the future", null, services.Clock.GetUtcNow().UtcDateTime.AddHours(3)));

        Assert.Equal(new TimeOnly(9, 0), Assert.Single((await services.Scheduler.GetAsync(crew.Manager, id)).Notes).LocalTime);
    }

    [Fact]
    public async Task AgreedActionsNeedTextAndAFutureDayAndCanBeOwnedByTheRep()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Notebook.SaveActionAsync(crew.Manager, id, new ActionInput(Guid.NewGuid(), " ", crew.Rep.UserId, RideAlongServices.Today.AddDays(-1))));
        Assert.Equal("Validation_Required", invalid.MessageKeyFor(nameof(ActionInput.Text)));
        Assert.Equal("Validation_DayInPast", invalid.MessageKeyFor(nameof(ActionInput.DueOn)));

        var action = new ActionInput(Guid.NewGuid(), "Send the case study", crew.Rep.UserId, RideAlongServices.Today.AddDays(2));
        await services.Notebook.SaveActionAsync(crew.Manager, id, action);
        await services.Notebook.SaveActionAsync(crew.Manager, id, action);

        var saved = Assert.Single((await services.Scheduler.GetAsync(crew.Rep, id)).Actions);
        Assert.Equal(crew.Rep.DisplayName, saved.OwnerName);
    }

    [Fact]
    public async Task ARideAlongIsCompletedFromItsStartTimeOnNotBefore()
    {
        var crew = await services.CrewAsync();
        var id = await services.Scheduler.ScheduleAsync(crew.Manager, RideAlongServices.Input(crew) with { Time = new TimeOnly(15, 0) });
        await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Written before the visit");

        var early = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Debrief.CompleteAsync(crew.Manager, id));
        Assert.Equal("Validation_NotStartedYet", early.MessageKeyFor("Status"));
        Assert.Equal(RideAlongStatus.Scheduled, (await services.Scheduler.GetAsync(crew.Manager, id)).Status);

        services.Clock.Advance(TimeSpan.FromHours(6));
        await services.Debrief.CompleteAsync(crew.Manager, id);
        Assert.Equal(RideAlongStatus.Completed, (await services.Scheduler.GetAsync(crew.Manager, id)).Status);
    }

    [Fact]
    public async Task CompletingNeedsFeedbackAndPublishesATeamEvent()
    {
        var crew = await services.CrewAsync();
        var id = await services.ScheduleAsync(crew);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Debrief.CompleteAsync(crew.Manager, id));
        Assert.Equal("Validation_FeedbackRequired", invalid.MessageKeyFor("Feedback"));

        await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Well done");
        await services.Debrief.CompleteAsync(crew.Manager, id);

        Assert.Contains(services.Bus.Published, published => published == new TeamEvent(crew.Team.Id, RideAlongTopics.Completed, id.ToString(System.Globalization.CultureInfo.InvariantCulture), crew.Manager.UserId));
        await Assert.ThrowsAsync<ValidationFailedException>(() => services.Debrief.CompleteAsync(crew.Manager, id));
    }

    [Fact]
    public async Task TheRepsDueActionsFeedTheMorningPlanUntilTicked()
    {
        var crew = await services.CrewAsync();
        var teammate = await services.Data.RepAsync(crew.Team);
        var id = await services.ScheduleAsync(crew);
        var dueToday = new ActionInput(Guid.NewGuid(), "Book the decision maker", crew.Rep.UserId, RideAlongServices.Today);
        await services.Notebook.SaveActionAsync(crew.Manager, id, dueToday);
        await services.Notebook.SaveActionAsync(crew.Manager, id, new ActionInput(Guid.NewGuid(), "Later", crew.Rep.UserId, RideAlongServices.Today.AddDays(5)));
        await services.Notebook.SaveActionAsync(crew.Manager, id, new ActionInput(Guid.NewGuid(), "Manager's own", crew.Manager.UserId, RideAlongServices.Today));

        Assert.Empty(await services.Debrief.AgreedActionsDueAsync(crew.Rep, crew.Team.Id, RideAlongServices.Today));

        await services.Notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Good");
        await services.Debrief.CompleteAsync(crew.Manager, id);

        var due = Assert.Single(await services.Debrief.AgreedActionsDueAsync(crew.Rep, crew.Team.Id, RideAlongServices.Today));
        Assert.Equal("Book the decision maker", due.Text);
        Assert.False(due.Overdue);
        Assert.True(Assert.Single(await services.Debrief.AgreedActionsDueAsync(crew.Rep, crew.Team.Id, RideAlongServices.Today.AddDays(1))).Overdue);
        Assert.Empty(await services.Debrief.AgreedActionsDueAsync(teammate, crew.Team.Id, RideAlongServices.Today));

        await Assert.ThrowsAsync<SalesCockpit.Features.Teams.TeamAccessDeniedException>(() => services.Debrief.SetActionDoneAsync(teammate, dueToday.Id, true));
        await services.Debrief.SetActionDoneAsync(crew.Rep, dueToday.Id, true);
        Assert.Empty(await services.Debrief.AgreedActionsDueAsync(crew.Rep, crew.Team.Id, RideAlongServices.Today));
    }
}
