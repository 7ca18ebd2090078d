using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.RideAlongs.Pages;

namespace SalesCockpit.Tests.Features.RideAlongs;

public class RideAlongPageTests : RideAlongComponentContext
{
    [Fact]
    public async Task TheNoteTakerIsOneLargeInputWithFiveAltShortcutTagsAndKeyboardFocusableScoreRows()
    {
        var crew = await CrewAsync();
        var id = await ScheduleAsync(crew);
        SignInAs(crew.Manager);

        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));

        page.WaitForAssertion(() => page.Find("[data-note-input]"));
        Assert.Single(page.Find("[data-testid=note-taker]").QuerySelectorAll("input"));
        var tags = page.FindAll("[data-tag]");
        Assert.Equal(["Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5"], tags.Select(tag => tag.QuerySelector("kbd")!.TextContent));
        Assert.Equal(["Strength", "To improve", "Customer signal", "Objection", "Next step"], tags.Select(tag => tag.TextContent.Replace(tag.QuerySelector("kbd")!.TextContent, "", StringComparison.Ordinal).Trim()));
        var rows = page.FindAll("[data-score-skill]");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal("0", row.GetAttribute("tabindex")));
        Assert.Equal(5, rows[0].QuerySelectorAll("[data-score]").Length);
        Assert.NotNull(page.Find("[data-autosave-field=Feedback]"));
        // The notebook attaches after the first render that shows it; a server database's awaits can delay that render.
        page.WaitForAssertion(() => Assert.Single(NotesModule.Invocations["attach"]));
        // A guard against a render loop; a server database awaits for real, so each load step may render once more.
        Assert.True(page.RenderCount < 16, $"rendered {page.RenderCount} times");
    }

    [Fact]
    public async Task ANoteEnteredInTheBrowserShowsTimeStampedWithItsTagAndARepeatedSendAddsNothing()
    {
        var crew = await CrewAsync();
        var id = await ScheduleAsync(crew);
        SignInAs(crew.Manager);
        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));
        page.WaitForAssertion(() => page.Find("[data-note-input]"));
        var noteId = Guid.NewGuid().ToString();
        QueuedChange[] enter = [new(noteId, "note", noteId, "Asked about the budget too early", (int)NoteTag.ToImprove, "2026-11-26T00:45:00.000Z", null, null, null)];

        var first = await page.InvokeAsync(() => page.Instance.SaveQueuedAsync(enter));
        var again = await page.InvokeAsync(() => page.Instance.SaveQueuedAsync(enter));

        Assert.Equal([noteId], first.Done);
        Assert.Equal([noteId], again.Done);
        page.WaitForAssertion(() =>
        {
            var note = Assert.Single(page.FindAll("[data-testid=notes] [data-testid=note]"));
            Assert.Contains(new TimeOnly(8, 45).ToString("t", System.Globalization.CultureInfo.CurrentCulture), note.TextContent);
            Assert.Equal("To improve", note.QuerySelector("[data-testid=note-tag]")!.TextContent);
            Assert.Contains("Asked about the budget too early", note.TextContent);
        });
    }

    [Fact]
    public async Task AScoreKeyedInTheBrowserIsSavedAndShownAsTheChosenButton()
    {
        var crew = await CrewAsync();
        var id = await ScheduleAsync(crew);
        SignInAs(crew.Manager);
        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));
        page.WaitForAssertion(() => page.Find("[data-score-skill]"));
        var skillId = crew.Skills[0].Id;

        await page.InvokeAsync(() => page.Instance.SaveQueuedAsync([new($"score:{skillId}", "score", null, null, null, null, skillId, 4, null)]));

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"[data-score-skill='{skillId}']");
            Assert.Equal("4", row.GetAttribute("data-score-value"));
            Assert.Contains("sc-active", row.QuerySelector("[data-score='4']")!.ClassName);
        });
    }

    [Theory]
    [InlineData("en-US", "Write your feedback before completing.")]
    [InlineData("zh-CN", "完成前请先写反馈。")]
    public async Task NothingIsRedBeforeTheManagerActsAndCompletingWithoutFeedbackSaysWhyNextToTheField(string culture, string message)
    {
        UseCulture(culture);
        var crew = await CrewAsync();
        var id = await ScheduleAsync(crew);
        SignInAs(crew.Manager);
        NotesModule.Setup<bool>("flushNow").SetResult(true);
        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=complete]"));

        Assert.Empty(page.FindAll("[data-testid=feedback-error]"));
        Assert.Empty(page.FindAll(".sc-invalid"));
        Assert.DoesNotContain("feedbackError", page.Markup, StringComparison.Ordinal);

        page.Find("[data-testid=complete]").Click();

        page.WaitForAssertion(() => Assert.Equal(message, page.Find("[data-testid=feedback-error]").TextContent.Trim()));
        Assert.Contains("sc-invalid", page.Find("[data-testid=feedback-input]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRepsPageShowsTheFeedbackLiveWhenTheManagerCompletes()
    {
        var crew = await CrewAsync();
        var id = await ScheduleAsync(crew);
        SignInAs(crew.Rep);
        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));
        page.WaitForAssertion(() => page.Find("[data-autosave-field=RepAccount]"));
        Assert.Empty(page.FindAll("[data-note-input]"));

        await Services.GetRequiredService<RideAlongNotebook>().SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Confirm the decision maker first.");
        await Services.GetRequiredService<RideAlongDebrief>().CompleteAsync(crew.Manager, id);

        page.WaitForAssertion(() => Assert.Contains("Confirm the decision maker first.", page.Find("[data-testid=feedback-text]").TextContent));
        Assert.Empty(page.FindAll("[data-autosave-field]"));
    }

    [Fact]
    public async Task ARepOpeningATeammatesRideAlongSeesNotFound()
    {
        var crew = await CrewAsync();
        var teammate = await Data.RepAsync(crew.Team);
        var id = await ScheduleAsync(crew, teammate);
        SignInAs(crew.Rep);

        var page = Render<RideAlongPage>(parameters => parameters.Add(component => component.Id, id));

        page.WaitForAssertion(() => page.Find("[data-testid=not-found]"));
        Assert.DoesNotContain("Suzhou Hengrui", page.Markup);
    }
}
