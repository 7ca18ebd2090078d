using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>A table to hand out: localized headers and typed cells (text, whole numbers, dates and times in the team's zone).</summary>
public sealed record ExportTable(string FileStem, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>A time of day that is part of a cell, as opposed to a date-only <see cref="DateOnly"/> cell.</summary>
public readonly record struct ExportTime(DateTime Local);

/// <summary>
/// Customer lists and follow-ups out, as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese right) or .xlsx (phones
/// and ids as text, real dates). Headers follow the current UI language, times the team's zone. A text cell a spreadsheet
/// would run as a formula is defused with a leading apostrophe in both formats.
/// </summary>
public sealed class CustomerExport(IDbContextFactory<AppDbContext> dbFactory, CustomerDirectory directory, TimeProvider clock)
{
    public const int MaxFollowUpDays = 366;
    private const int PageSize = 2000;

    /// <summary>A follow-up period runs forwards and spans at most <see cref="MaxFollowUpDays"/> days, both ends included.</summary>
    public static bool IsFollowUpPeriod(DateOnly from, DateOnly to) => from <= to && to.DayNumber - from.DayNumber < MaxFollowUpDays;

    internal static readonly string[] CustomerColumns =
        ["Name", "Phone", "Region", "Industry", "SizeBand", "Stage", "Status", "Level", "Owner", "FlowBackOn", "DaysLeft", "Fit", "LastFollowUpAt", "NextFollowUpOn", "Id"];

    internal static readonly string[] FollowUpColumns =
        ["FollowUpAt", "Name", "Id", "Phone", "FollowUpKind", "Author", "Content", "Outcome", "NextStep", "NextFollowUpOn"];

    /// <summary>The list the query describes (all pages).</summary>
    public async Task<ExportTable> CustomersAsync(Viewer viewer, CustomerQuery query, IStringLocalizer localizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(localizer);
        List<object?[]> cells = [];
        var timeZoneId = viewer.Teams.FirstOrDefault(team => team.Id == query.TeamId)?.TimeZoneId;
        for (var page = 0; ; page++)
        {
            var result = await directory.ListAsync(viewer, query with { Page = page, PageSize = PageSize }, cancellationToken);
            timeZoneId = result.TimeZoneId;
            var zone = TeamCalendar.Zone(timeZoneId);
            cells.AddRange(result.Rows.Select(row => new object?[]
            {
                row.Name, row.Phone, row.Region,
                localizer["Industry_" + row.Industry].Value, localizer["Size_" + row.SizeBand].Value, localizer["DevStage_" + row.Stage].Value,
                localizer["Status_" + row.Status].Value, localizer["Level_" + row.Level].Value, row.OwnerName ?? localizer["PublicPool"].Value,
                row.Countdown?.On, row.Countdown?.DaysLeft, localizer["Fit_" + row.Fit].Value,
                row.LastFollowUpAt is { } at ? new ExportTime(Local(at, zone)) : null, row.NextFollowUpOn,
                row.Id.ToString(CultureInfo.InvariantCulture),
            }));
            if (result.Rows.Count < PageSize)
            {
                break;
            }
        }

        var today = TeamCalendar.Today(clock, timeZoneId ?? "UTC");
        var stem = $"customers-{query.Scope}-{today:yyyyMMdd}".ToLowerInvariant();
        return new ExportTable(stem, [.. CustomerColumns.Select(column => localizer["Csv_" + column].Value)], cells);
    }

    /// <summary>
    /// Follow-ups recorded between two days of the team's calendar (both included): a manager gets the team's, a rep those
    /// on the customers they hold and those they wrote on the public pool's (what their timelines show them): never a line
    /// about a colleague's customer, even one the rep wrote before a handover.
    /// </summary>
    public async Task<ExportTable> FollowUpsAsync(Viewer viewer, int teamId, DateOnly from, DateOnly to, IStringLocalizer localizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(localizer);
        viewer.EnsureCanSeeTeam(teamId);
        if (!IsFollowUpPeriod(from, to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The period must run forwards and span at most a year.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var zone = TeamCalendar.Zone(timeZoneId);
        var start = TeamCalendar.StartOfDayUtc(from, timeZoneId);
        var end = TeamCalendar.StartOfDayUtc(to.AddDays(1), timeZoneId);
        var everyone = viewer.CanManageTeam(teamId);
        var rows = await (
                from followUp in db.Set<FollowUp>().AsNoTracking()
                join customer in db.Set<Customer>() on followUp.CustomerId equals customer.Id
                where followUp.TeamId == teamId && followUp.OccurredAt >= start && followUp.OccurredAt < end
                      && (everyone || customer.OwnerId == viewer.UserId || (customer.OwnerId == null && followUp.AuthorId == viewer.UserId))
                orderby followUp.OccurredAt, followUp.Id
                select new { followUp.OccurredAt, customer.Id, customer.Name, customer.Phone, followUp.Kind, followUp.AuthorId, followUp.Content, followUp.Outcome, followUp.NextStep, followUp.NextFollowUpOn })
            .ToListAsync(cancellationToken);
        var authors = await TeamData.NamesAsync(db, rows.Select(row => row.AuthorId), cancellationToken);
        List<object?[]> cells = [.. rows.Select(row => new object?[]
        {
            new ExportTime(Local(row.OccurredAt, zone)), row.Name, row.Id.ToString(CultureInfo.InvariantCulture), row.Phone,
            localizer["FollowUpKind_" + row.Kind].Value, authors.GetValueOrDefault(row.AuthorId), row.Content, row.Outcome, row.NextStep, row.NextFollowUpOn,
        })];
        return new ExportTable($"follow-ups-{from:yyyyMMdd}-{to:yyyyMMdd}", [.. FollowUpColumns.Select(column => localizer["Csv_" + column].Value)], cells);
    }

    public static async Task WriteCsvAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        await using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        await writer.WriteRecordAsync([.. table.Headers.Select(Defuse)], cancellationToken);
        foreach (var row in table.Rows)
        {
            await writer.WriteRecordAsync([.. row.Select(CsvText)], cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One sheet: text cells stay text (a phone keeps its leading zero), dates and times are spreadsheet dates.</summary>
    public static async Task WriteWorkbookAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        var rows = table.Rows.Select(row =>
        {
            var sheetRow = new Dictionary<string, object?>(table.Headers.Count);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                sheetRow[table.Headers[i]] = row[i] switch
                {
                    string text => Defuse(text),
                    DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                    ExportTime time => time.Local,
                    var other => other,
                };
            }

            return sheetRow;
        });
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. table.Headers.Select((header, i) => new DynamicExcelColumn(header)
            {
                Format = table.Rows.Select(row => row[i]).FirstOrDefault(cell => cell is not null) switch
                {
                    DateOnly => "yyyy-mm-dd",
                    ExportTime => "yyyy-mm-dd hh:mm",
                    _ => null,
                },
                Width = Math.Clamp(header.Length * 2 + 4, 12, 40),
            })],
        };

        // The zip writer needs a seekable target; the response body is not one.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await MiniExcel.SaveAsAsync(buffer, rows, configuration: configuration, cancellationToken: cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe; signed numbers and phones stay as they are.</summary>
    public static string Defuse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return value;
        }

        var risky = value[0] is '=' or '@' or '\t' or '\r'
                    || (value[0] is '+' or '-' && !value.All(character => char.IsAsciiDigit(character) || character is '+' or '-' or ' ' or '(' or ')'));
        return risky ? "'" + value : value;
    }

    private static string CsvText(object? cell) => cell switch
    {
        null => "",
        string text => Defuse(text),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ExportTime time => time.Local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.CurrentCulture),
        _ => cell.ToString() ?? "",
    };

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);
}
