using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCockpit.Components.Dialogs;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Localization;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs.Pages;

public partial class RideAlongPage
{
    private Viewer? viewer;
    private RideAlongDetails? details;
    private bool denied;
    private ElementReference root;
    private IJSObjectReference? module;
    private IJSObjectReference? notebook;
    private bool attached;
    private DotNetObjectReference<RideAlongPage>? self;
    private string? message;
    private string? feedbackError;
    private string? accountError;
    private bool completing;

    [Inject]
    private TeamAccess Access { get; set; } = default!;

    [Inject]
    private RideAlongScheduler Scheduler { get; set; } = default!;

    [Inject]
    private RideAlongNotebook Notebook { get; set; } = default!;

    [Inject]
    private RideAlongDebrief Debrief { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider Antiforgery { get; set; } = default!;


    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    private bool Editable => details is { } shown && (shown.CanCoach || shown.CanWriteAccount);

    protected override async Task OnParametersSetAsync()
    {
        await DetachAsync();
        viewer = await Access.GetCurrentViewerAsync();
        details = null;
        denied = false;
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!attached && Editable && !completing)
        {
            attached = true;
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/ride-along-notes.js");
            self ??= DotNetObjectReference.Create(this);
            notebook = await module.InvokeAsync<IJSObjectReference>("attach", root, self, new
            {
                key = $"{viewer!.UserId}:{Id}",
                canNote = details!.CanCoach,
                noteMaxLength = RideAlongRules.NoteMaxLength,
                locale = CultureInfo.CurrentCulture.Name,
                timeZone = details.TimeZoneId,
                beacon = Antiforgery.GetAntiforgeryToken() is { } token
                    ? new { url = RideAlongEndpoints.NotebookPath(Id), field = token.FormFieldName, token = token.Value }
                    : null,
                tagLabels = Enum.GetValues<NoteTag>().ToDictionary(tag => ((int)tag).ToString(CultureInfo.InvariantCulture), tag => L[$"Tag_{tag}"].Value),
                strings = new
                {
                    saved = L["Save_Saved"].Value,
                    saving = L["Save_Saving"].Value,
                    offline = L["Save_Offline"].Value,
                    offlinePending = L["Save_OfflinePending"].Value,
                    offlinePendingOne = L["Save_OfflinePending" + CountedText.OneSuffix].Value,
                    nothingYet = L["Save_Auto"].Value,
                    keptHere = L["Save_KeptHere"].Value,
                    refused = L["Save_RefusedStatus"].Value,
                },
            });
        }
    }

    /// <summary>Called by the browser module with what it has queued; answers which keys it dealt with.</summary>
    [JSInvokable]
    public async Task<NotebookSaveResult> SaveQueuedAsync(QueuedChange[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = await Notebook.SaveAsync(viewer!, Id, [.. changes.Select(change => change.ToChange())]);
        feedbackError = RefusedTextError(changes, result, DebriefField.Feedback, feedbackError);
        accountError = RefusedTextError(changes, result, DebriefField.RepAccount, accountError);
        await LoadAsync();
        if (result.Refused.Count > 0)
        {
            // The page may stop being editable with this load; what was typed and refused must not vanish without a word.
            message = details is { IsOpen: false }
                ? L.Counted("Save_RefusedClosed", result.Refused.Count, result.Refused.Count)
                : L.Counted("Save_Refused", result.Refused.Count, result.Refused.Count);
        }

        StateHasChanged();
        return result;
    }

    /// <summary>
    /// The field's message when the server refused its text as too long, none once it took it, unchanged when the text was
    /// not sent. Any other refusal (the ride-along no longer open, a field not the viewer's) leaves no field to show it on:
    /// the page message says it.
    /// </summary>
    private string? RefusedTextError(QueuedChange[] changes, NotebookSaveResult result, DebriefField field, string? shown)
    {
        var key = $"text:{field}";
        if (changes.FirstOrDefault(change => change.Key == key) is not { } sent)
        {
            return shown;
        }

        return result.Refused.Contains(key) && RideAlongRules.ValidateLongText(field.ToString(), sent.Text) is { } tooLong
            ? L[tooLong.MessageKey, tooLong.Arguments].Value
            : null;
    }

    private async Task LoadAsync()
    {
        try
        {
            details = await Scheduler.GetAsync(viewer!, Id);
        }
        catch (TeamAccessDeniedException)
        {
            denied = true;
            details = null;
        }
    }

    private async Task OnTeamEventAsync(TeamEvent teamEvent)
    {
        if (teamEvent.IsResync || (teamEvent.SubjectId == Id.ToString(CultureInfo.InvariantCulture) && teamEvent.ActorId != viewer?.UserId))
        {
            var wasEditable = Editable;
            await LoadAsync();
            if (wasEditable && !Editable)
            {
                await DetachAsync();
            }
        }
    }

    private async Task DeleteNoteAsync(Guid noteId)
    {
        await Notebook.DeleteNoteAsync(viewer!, Id, noteId);
        await LoadAsync();
    }

    private async Task CompleteAsync()
    {
        completing = true;
        feedbackError = null;
        try
        {
            // Whatever is still queued in the browser (the last words of the feedback) goes first.
            if (notebook is not null && !await notebook.InvokeAsync<bool>("flushNow"))
            {
                message = L["Complete_NotSavedYet"];
                return;
            }

            await Debrief.CompleteAsync(viewer!, Id);
            await DetachAsync();
            await LoadAsync();
            Snackbar.Add(L["Complete_Done", details?.RepName ?? ""], Severity.Success);
        }
        catch (ValidationFailedException invalid)
        {
            feedbackError = invalid.MessageFor("Feedback", L) ?? invalid.MessageFor("Status", L);
        }
        catch (ConcurrentEditException)
        {
            message = L["Validation_Concurrent"];
            await LoadAsync();
        }
        finally
        {
            completing = false;
        }
    }

    private async Task ConfirmCancelAsync()
    {
        if (await Dialogs.ConfirmDestructiveAsync(
            L["Page_Cancel"], L["Page_CancelConfirm", details!.RepName, details.CustomerName], doText: L["Page_CancelYes"], keepText: L["Page_CancelKeep"]))
        {
            await CancelAsync();
        }
    }

    private async Task CancelAsync()
    {
        completing = true;
        try
        {
            await Scheduler.CancelAsync(viewer!, Id, details!.Version);
            await DetachAsync();
            await LoadAsync();
        }
        catch (ConcurrentEditException)
        {
            message = L["Validation_Concurrent"];
            await LoadAsync();
        }
        finally
        {
            completing = false;
        }
    }

    private async Task DetachAsync()
    {
        if (notebook is not null)
        {
            try
            {
                await notebook.InvokeVoidAsync("dispose");
                await notebook.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser dropped the module with the page.
            }

            notebook = null;
        }

        attached = false;
    }

    public async ValueTask DisposeAsync()
    {
        await DetachAsync();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // As above.
            }
        }

        self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
