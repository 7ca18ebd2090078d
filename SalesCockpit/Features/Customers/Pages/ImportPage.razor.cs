using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Localization;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Features.Customers.Pages;

/// <summary>
/// Upload to a temporary file (the upload is never held in memory whole), preview and import off the circuit's thread
/// so that the progress bar keeps moving and Cancel is heard; cancelling before the commit leaves nothing behind.
/// </summary>
public sealed partial class ImportPage
{
    private static readonly TimeSpan RenderEvery = TimeSpan.FromMilliseconds(150);

    private Viewer? viewer;
    private ViewerTeam? team;
    private bool toPublicPool;
    private SpreadsheetUpload? upload;
    private string? fileName;
    private ImportPreview? preview;
    private string? fileError;
    private int? imported;
    private ImportProgress? progress;
    private CancellationTokenSource? running;
    private long lastRender;

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    private bool Busy => progress is not null;

    private string ProgressText => progress switch
    {
        { Stage: ImportStage.Writing } => L["Import_Writing", progress.Rows, progress.Total],
        { Stage: ImportStage.Uploading } => L["Import_Uploading", progress.Fraction],
        { } => L["Import_Reading", progress.Rows, progress.Fraction],
        null => "",
    };

    public void Dispose()
    {
        running?.Cancel();
        running?.Dispose();
        DeleteUpload();
    }

    protected override async Task OnParametersSetAsync()
    {
        viewer = await Access.GetCurrentViewerAsync();
        team = await TeamChoice.ResolveAsync(viewer, Team, Access);
    }

    private async Task FileChangedAsync(IBrowserFile? file)
    {
        imported = null;
        fileError = null;
        preview = null;
        DeleteUpload();
        if (file is null)
        {
            return;
        }

        if (file.Size > ImportFile.MaxBytes)
        {
            fileError = FileText["Import_TooLarge", ImportFile.MaxBytes / 1024 / 1024];
            return;
        }

        fileName = file.Name;
        await RunAsync(async (report, cancellationToken) =>
        {
            upload = await SpreadsheetUpload.SaveAsync(file, fraction => report.Report(new ImportProgress(ImportStage.Uploading, 0, 0, fraction)), cancellationToken);
            await PreviewAsync(null, report, cancellationToken);
        });
    }

    private Task SheetChangedAsync(string sheet) => upload is null || imported is not null
        ? Task.CompletedTask
        : RunAsync((report, cancellationToken) => PreviewAsync(sheet, report, cancellationToken));

    private async Task PreviewAsync(string? sheet, IProgress<ImportProgress> report, CancellationToken cancellationToken)
    {
        fileError = null;
        await using var content = upload!.OpenRead();
        var (currentViewer, teamId) = (viewer!, team!.Id);
        var result = await Task.Run(() => Importer.PreviewAsync(currentViewer, teamId, content, fileName, sheet, report, cancellationToken), cancellationToken);
        if (result.FileErrorKey is { } key)
        {
            fileError = FileText.FileError(L, key, result.FileErrorArguments);
            result = null;
        }

        preview = result;
    }

    private Task ImportAsync() => RunAsync(async (report, cancellationToken) =>
    {
        try
        {
            var (currentViewer, currentPreview, pool) = (viewer!, preview!, toPublicPool);
            var count = await Task.Run(() => Importer.ImportAsync(currentViewer, currentPreview, pool, report, cancellationToken), cancellationToken);
            imported = count;
            preview = null;
            DeleteUpload();
            Snackbar.Add(L.Counted("Import_Done", count, count), Severity.Success);
        }
        catch (PoolRuleException refused)
        {
            var message = refused.MessageIn(L).Value;
            await PreviewAsync(preview?.Sheet, report, cancellationToken);
            fileError = message;
        }
    });

    private void Cancel() => running?.Cancel();

    /// <summary>One operation at a time, with a progress bar that renders at most every <see cref="RenderEvery"/>.</summary>
    private async Task RunAsync(Func<IProgress<ImportProgress>, CancellationToken, Task> work)
    {
        running = new CancellationTokenSource();
        var before = preview;
        progress = new ImportProgress(ImportStage.Reading, 0, 0, 0);
        var report = new Progress<ImportProgress>(current =>
        {
            progress = current;
            var now = Environment.TickCount64;
            if (now - lastRender >= RenderEvery.TotalMilliseconds)
            {
                lastRender = now;
                StateHasChanged();
            }
        });
        try
        {
            await work(report, running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            fileError = L["Import_Cancelled"];
            preview = before;
        }
        finally
        {
            progress = null;
            running.Dispose();
            running = null;
        }
    }

    private void DeleteUpload()
    {
        upload?.Dispose();
        upload = null;
    }
}
