using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Browser;

/// <summary>Note taking in a real browser: keyboard, autosave, cutting the network and reloading mid-note.</summary>
[Collection(BrowserSuite.Name)]
public class RideAlongNotesTests(BrowserFixture browser)
{
    [Fact]
    public async Task EnterAddsATimeStampedNoteAltTagsItAndDigitsScoreAllSavedWithoutAButton()
    {
        var rideAlongId = await ScheduleAsync("rep3@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);

        var input = page.GetByTestId("note-input");
        await input.FillAsync("Natural opening about their new plant");
        await input.PressAsync("Alt+1");
        await Assertions.Expect(page.GetByTestId("tag-Strength")).ToHaveAttributeAsync("aria-pressed", "true");
        await input.PressAsync("Enter");
        await Assertions.Expect(input).ToHaveValueAsync("");

        var saved = page.GetByTestId("notes").GetByTestId("note");
        await Assertions.Expect(saved).ToHaveCountAsync(1);
        await Assertions.Expect(saved.First).ToContainTextAsync("Strength");
        await Assertions.Expect(saved.First).ToContainTextAsync("Natural opening about their new plant");

        var firstSkill = page.GetByTestId("score-row").First;
        await firstSkill.FocusAsync();
        await page.Keyboard.PressAsync("4");
        await Assertions.Expect(firstSkill.Locator("[data-score='4']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("feedback-input").FillAsync("Ask for the budget earlier.");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved");

        var details = await DetailsAsync(rideAlongId);
        Assert.Equal(NoteTag.Strength, Assert.Single(details.Notes).Tag);
        Assert.Equal(4, Assert.Single(details.Scores).Value);
        Assert.Equal("Ask for the budget earlier.", details.Feedback);
        await BrowserFixture.ScreenshotAsync(page, "ride-along-notes-en-US-1366");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CuttingTheNetworkMidNoteKeepsTypingAndSavesEachNoteOnceWhenItReturns()
    {
        var rideAlongId = await ScheduleAsync("rep4@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);
        var input = page.GetByTestId("note-input");
        await input.FillAsync("Before the basement");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("notes").GetByTestId("note")).ToHaveCountAsync(1);

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeVisibleAsync();
        await input.FillAsync("Customer worried about rollout");
        await input.PressAsync("Alt+3");
        await input.PressAsync("Enter");
        await input.PressSequentiallyAsync("Half typed when");
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Offline");
        await BrowserFixture.ScreenshotAsync(page, "ride-along-offline-en-US-1366");
        Assert.Single((await DetailsAsync(rideAlongId)).Notes);

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeHiddenAsync();
        await Assertions.Expect(input).ToHaveValueAsync("Half typed when");
        await input.PressSequentiallyAsync(" the train left");
        await input.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("notes").GetByTestId("note")).ToHaveCountAsync(3);
        var notes = (await DetailsAsync(rideAlongId)).Notes;
        Assert.Equal(["Before the basement", "Customer worried about rollout", "Half typed when the train left"], notes.Select(note => note.Text));
        Assert.Equal(NoteTag.CustomerSignal, notes[1].Tag);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhenTheServerConnectionDropsASlimBannerShowsTypingGoesOnAndNothingIsLostOrDoubled()
    {
        var rideAlongId = await ScheduleAsync("rep1@demo.local");
        var page = await browser.OpenAsync("manager@demo.local", width: 1366, height: 768);
        var circuit = await CircuitConnection.RouteAsync(page);
        await BrowserFixture.GoToAsync(page, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);
        var input = page.GetByTestId("note-input");

        await circuit.CutAsync();
        await Assertions.Expect(page.GetByTestId("reconnect-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeVisibleAsync();
        await input.FillAsync("Typed while the circuit was down");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "ride-along-disconnected-en-US-1366");
        await page.GetByTestId("feedback-input").FillAsync("Feedback written in the tunnel");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Offline");
        await Assertions.Expect(page.GetByTestId("reconnect-banner")).ToBeVisibleAsync();

        circuit.Restore();
        await Assertions.Expect(page.GetByTestId("reconnect-banner")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("notes").GetByTestId("note")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved", new() { Timeout = 5_000 });

        var details = await DetailsAsync(rideAlongId);
        Assert.Equal("Typed while the circuit was down", Assert.Single(details.Notes).Text);
        Assert.Equal("Feedback written in the tunnel", details.Feedback);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheRideAlongWorksFromTheKeyboardAloneAndCancellingAsksFirst()
    {
        var rideAlongId = await ScheduleAsync("rep3@demo.local");
        var (_, _, teamId) = await PeopleAsync("rep3@demo.local");
        var page = await browser.OpenAsync("manager@demo.local", width: 1366, height: 768);
        await BrowserFixture.GoToAsync(page, $"/teams/{teamId}/ride-alongs");
        var row = page.GetByTestId("upcoming").Locator($"a[href='/ride-alongs/{rideAlongId}']");
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);

        await Assertions.Expect(page.GetByTestId("note-input")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-tag]").First).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("cancel-ride-along")).Not.ToBeFocusedAsync();

        await page.Locator("[data-testid=action-text] input, input[data-testid=action-text]").First.FocusAsync();
        await page.Keyboard.TypeAsync("Send the ROI sheet to the plant manager");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("action")).ToContainTextAsync("Send the ROI sheet to the plant manager");
        await Assertions.Expect(page.GetByTestId("agreed-actions")).Not.ToContainTextAsync("Required");

        var dialog = page.GetByRole(AriaRole.Dialog);
        var keep = dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" });
        // Opens the confirmation from the keyboard; keys reach it once it has moved the focus to its safe choice.
        async Task OpenCancelDialogAsync()
        {
            await page.GetByTestId("cancel-ride-along").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(keep).ToBeFocusedAsync();
        }

        await OpenCancelDialogAsync();
        await BrowserFixture.ScreenshotAsync(page, "ride-along-cancel-confirm-en-US-1366");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(RideAlongStatus.Scheduled, (await DetailsAsync(rideAlongId)).Status);

        await OpenCancelDialogAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(RideAlongStatus.Scheduled, (await DetailsAsync(rideAlongId)).Status);

        await OpenCancelDialogAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel ride-along" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("status")).ToBeVisibleAsync();
        Assert.Equal(RideAlongStatus.Cancelled, (await DetailsAsync(rideAlongId)).Status);

        var another = await ScheduleAsync("rep3@demo.local");
        await BrowserFixture.GoToAsync(page, $"/teams/{teamId}/ride-alongs");
        // The interactive render may replace the prerendered row under the focus (a server database loads it later): focus again until Space opens it.
        for (var attempt = 1; !page.Url.EndsWith($"/ride-alongs/{another}", StringComparison.Ordinal); attempt++)
        {
            await page.GetByTestId("upcoming").Locator($"a[href='/ride-alongs/{another}']").FocusAsync();
            await page.Keyboard.PressAsync(" ");
            try
            {
                await page.WaitForURLAsync($"**/ride-alongs/{another}", new() { Timeout = 5_000 });
            }
            catch (TimeoutException) when (attempt < 6)
            {
            }
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANoteTypedJustBeforeTheTabClosesIsSentAndShowsInAnotherBrowser()
    {
        var rideAlongId = await ScheduleAsync("rep2@demo.local");
        var (_, _, teamId) = await PeopleAsync("rep2@demo.local");
        var page = await browser.OpenAsync("manager@demo.local", width: 1366, height: 768);
        var circuit = await CircuitConnection.RouteAsync(page);
        await BrowserFixture.GoToAsync(page, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);
        // With the circuit gone the live save cannot run: only what the closing page sends itself can arrive.
        await circuit.CutAsync();
        var input = page.GetByTestId("note-input");
        await input.FillAsync("Said yes to a pilot at the door");
        await input.PressAsync("Enter");
        await page.GetByTestId("feedback-input").FillAsync("Strong close at the door.");
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("save-status")).Not.ToContainTextAsync("Saved");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = browser.App.GetService<ITeamEventBus>().Subscribe(teamId, teamEvent =>
        {
            if (teamEvent.Topic == RideAlongTopics.Debrief && teamEvent.SubjectId == rideAlongId.ToString(CultureInfo.InvariantCulture))
            {
                arrived.TrySetResult();
            }

            return Task.CompletedTask;
        });

        await page.CloseAsync(new() { RunBeforeUnload = true });
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var other = await browser.OpenAsync("manager@demo.local", width: 1366, height: 768);
        await BrowserFixture.GoToAsync(other, $"/ride-alongs/{rideAlongId}");
        await Assertions.Expect(other.GetByTestId("notes").GetByTestId("note")).ToContainTextAsync("Said yes to a pilot at the door");
        await Assertions.Expect(other.GetByTestId("feedback-input")).ToHaveValueAsync("Strong close at the door.");
        var details = await DetailsAsync(rideAlongId);
        Assert.Equal("Said yes to a pilot at the door", Assert.Single(details.Notes).Text);
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task HidingAndThenClosingThePageSendsWhatIsPendingOnce()
    {
        var rideAlongId = await ScheduleAsync("rep2@demo.local");
        var page = await browser.OpenAsync("manager@demo.local", width: 1366, height: 768);
        var circuit = await CircuitConnection.RouteAsync(page);
        await BrowserFixture.GoToAsync(page, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);
        await circuit.CutAsync();
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith($"/ride-alongs/{rideAlongId}/notebook", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref posts);
            }
        };
        var input = page.GetByTestId("note-input");
        await input.FillAsync("Asked for references before the pilot");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(1);

        // A browser closing a tab says both: the page went hidden, then it is hidden for good.
        var answered = page.WaitForResponseAsync(response => response.Url.EndsWith("/notebook", StringComparison.Ordinal));
        await page.EvaluateAsync(
            """
            () => {
                Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
                document.dispatchEvent(new Event('visibilitychange'));
                window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
            }
            """);
        await answered;

        Assert.Equal(1, Volatile.Read(ref posts));
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(0);
        Assert.Equal("Asked for references before the pilot", Assert.Single((await DetailsAsync(rideAlongId)).Notes).Text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AChangeTheServerRefusesShowsWhyAndNeverSaved()
    {
        var rideAlongId = await ScheduleAsync("rep5@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);
        // Cancelled from the manager's other tab: this page hears nothing of its own user's change and still takes notes.
        var (manager, _, _) = await PeopleAsync("rep5@demo.local");
        await browser.App.GetService<RideAlongScheduler>().CancelAsync(manager, rideAlongId, (await DetailsAsync(rideAlongId)).Version);

        var input = page.GetByTestId("note-input");
        await input.FillAsync("Wrote this after it was cancelled elsewhere");
        await input.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("page-message")).ToContainTextAsync("Not saved: this ride-along is no longer open");
        await Assertions.Expect(page.GetByText(new Regex("^Saved "))).ToHaveCountAsync(0);
        Assert.Empty((await DetailsAsync(rideAlongId)).Notes);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNotebookEndpointRefusesARequestWithoutTheAntiforgeryToken()
    {
        var rideAlongId = await ScheduleAsync("rep2@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);

        var form = page.APIRequest.CreateFormData();
        form.Set("changes", $"[{{\"key\":\"forged\",\"kind\":\"note\",\"id\":\"{Guid.NewGuid()}\",\"text\":\"Forged\",\"takenAt\":\"2026-11-26T01:00:00Z\"}}]");
        var response = await page.APIRequest.PostAsync($"ride-alongs/{rideAlongId}/notebook", new() { Form = form });

        Assert.Equal(400, response.Status);
        Assert.Empty((await DetailsAsync(rideAlongId)).Notes);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReloadingMidNoteKeepsTheDraftAndSendsWhatWasQueuedOnce()
    {
        var rideAlongId = await ScheduleAsync("rep5@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);
        var input = page.GetByTestId("note-input");

        await input.PressSequentiallyAsync("A thought in progress");
        await page.ReloadAsync();
        await WaitForNotebookAsync(page);
        await Assertions.Expect(page.GetByTestId("note-input")).ToHaveValueAsync("A thought in progress");

        await page.Context.SetOfflineAsync(true);
        await page.GetByTestId("note-input").PressAsync("Enter");
        await page.GetByTestId("note-input").FillAsync("Typed offline, then the page was reloaded");
        await page.GetByTestId("note-input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(2);
        await Assert.ThrowsAsync<PlaywrightException>(() => page.ReloadAsync());

        await page.Context.SetOfflineAsync(false);
        await BrowserFixture.GoToAsync(page, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);
        await Assertions.Expect(page.GetByTestId("notes").GetByTestId("note")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("pending-notes").Locator("li")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await WaitForNotebookAsync(page);
        await Assertions.Expect(page.GetByTestId("notes").GetByTestId("note")).ToHaveCountAsync(2);
        Assert.Equal(["A thought in progress", "Typed offline, then the page was reloaded"], (await DetailsAsync(rideAlongId)).Notes.Select(note => note.Text));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CompletingShowsTheFeedbackOnTheRepsPageWithoutReload()
    {
        var rideAlongId = await ScheduleAsync("rep6@demo.local");
        var rep = await browser.OpenAsync("rep6@demo.local", width: 1366, height: 768);
        await BrowserFixture.GoToAsync(rep, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(rep);
        await rep.GetByTestId("rep-account-input").FillAsync("I led with the peer case because they fear rollout risk.");
        await Assertions.Expect(rep.GetByTestId("save-status")).ToContainTextAsync("Saved");

        var manager = await OpenNotebookAsync("manager@demo.local", rideAlongId);
        await Assertions.Expect(manager.GetByTestId("rep-account-text")).ToContainTextAsync("peer case");
        await manager.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("feedback-error")).ToBeVisibleAsync();
        await manager.GetByTestId("feedback-input").FillAsync("Good instinct. Next time confirm the decision maker first.");
        await manager.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("status")).ToBeVisibleAsync();

        await Assertions.Expect(rep.GetByTestId("feedback-text")).ToContainTextAsync("confirm the decision maker");
        await BrowserFixture.ScreenshotAsync(rep, "ride-along-rep-completed-en-US-1366");
        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task FeedbackOverTheLimitIsRefusedWithTheFieldsMessageAndTheStatusNeverSaysSaved()
    {
        var rideAlongId = await ScheduleAsync("rep5@demo.local");
        var page = await OpenNotebookAsync("manager@demo.local", rideAlongId);
        var feedback = page.GetByTestId("feedback-input");
        await feedback.FillAsync("Ask for the budget earlier.");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved");

        // The text area's own limit stops typing; a scripted or hostile client removes it first.
        await feedback.EvaluateAsync("area => area.removeAttribute('maxlength')");
        await feedback.FillAsync(new string('x', RideAlongRules.LongTextMaxLength + 1));

        await Assertions.Expect(page.GetByTestId("feedback-error")).ToContainTextAsync($"At most {RideAlongRules.LongTextMaxLength} characters.");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Not saved: see the message on this page");
        Assert.Equal("Ask for the budget earlier.", (await DetailsAsync(rideAlongId)).Feedback);

        await feedback.FillAsync("Ask for the budget in the first call.");
        await Assertions.Expect(page.GetByTestId("feedback-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved");
        Assert.Equal("Ask for the budget in the first call.", (await DetailsAsync(rideAlongId)).Feedback);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenNotebookAsync(string email, int rideAlongId)
    {
        var page = await browser.OpenAsync(email, width: 1366, height: 768);
        await BrowserFixture.GoToAsync(page, $"/ride-alongs/{rideAlongId}");
        await WaitForNotebookAsync(page);
        return page;
    }

    private static Task WaitForNotebookAsync(IPage page) =>
        page.Locator("[data-notebook=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>A fresh ride-along today in East-1 with the given rep, so each test has its own notes; it has started (at midnight), so it can be completed.</summary>
    private async Task<int> ScheduleAsync(string repEmail)
    {
        var (manager, rep, teamId) = await PeopleAsync(repEmail);
        await using var db = await browser.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var customerId = await db.Set<Customer>().Where(customer => customer.OwnerId == rep.UserId).Select(customer => customer.Id).FirstAsync();
        var skills = await browser.App.GetService<TeamSkills>().ListAsync(manager, teamId);
        var today = TeamCalendar.Today(browser.App.GetService<TimeProvider>(), "Asia/Shanghai");
        return await browser.App.GetService<RideAlongScheduler>().ScheduleAsync(manager,
            new ScheduleRideAlongInput(teamId, rep.UserId, customerId, today, TimeOnly.MinValue, LadderStep.YouDoIWatch, [skills[0].Id, skills[3].Id]));
    }

    private async Task<RideAlongDetails> DetailsAsync(int rideAlongId)
    {
        var (manager, _, _) = await PeopleAsync("rep1@demo.local");
        return await browser.App.GetService<RideAlongScheduler>().GetAsync(manager, rideAlongId);
    }

    private async Task<(Viewer Manager, Viewer Rep, int TeamId)> PeopleAsync(string repEmail)
    {
        await using var db = await browser.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        async Task<Viewer> ViewerAsync(string email) =>
            (await TeamAccess.LoadViewerAsync(db, await db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync(), CancellationToken.None))!;
        var manager = await ViewerAsync("manager@demo.local");
        return (manager, await ViewerAsync(repEmail), manager.Teams[0].Id);
    }

    /// <summary>Stands between the page and the Blazor hub, so a test can drop the circuit's connection like a tunnel would.</summary>
    private sealed class CircuitConnection
    {
        private bool cut;
        private (IWebSocketRoute Page, IWebSocketRoute Server)? live;

        public static async Task<CircuitConnection> RouteAsync(IPage page)
        {
            var connection = new CircuitConnection();
            await page.Context.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
            {
                if (connection.cut)
                {
                    _ = socket.CloseAsync(new() { Code = 1011 });
                    return;
                }

                connection.live = (socket, socket.ConnectToServer());
            });
            // SignalR would otherwise fall back to long polling over plain HTTP.
            await page.Context.RouteAsync(new Regex("/_blazor"), route => connection.cut ? route.AbortAsync() : route.ContinueAsync());
            return connection;
        }

        public async Task CutAsync()
        {
            cut = true;
            await live!.Value.Server.CloseAsync(new() { Code = 1011 });
            await live.Value.Page.CloseAsync(new() { Code = 1011 });
        }

        public void Restore() => cut = false;
    }
}
