using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using SalesCockpit.Features.Customers;

namespace SalesCockpit.Tests.Features.Customers;

/// <summary>Exports that spreadsheets read right: phones and ids as text, real dates in the team's zone, no formulas run.</summary>
public sealed class CustomerExportTests : IDisposable
{
    private readonly CustomerServices services = new();
    private readonly IStringLocalizer localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(CustomersText));
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public CustomerExportTests()
    {
        // 17:30 UTC on 26 Nov is 01:30 on 27 Nov in Shanghai: a UTC export would show the wrong day.
        services.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 17, 30, 0, TimeSpan.Zero));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        services.Dispose();
    }

    private async Task<(SalesCockpit.Features.Teams.Viewer Rep, int TeamId)> RepWithCustomersAsync()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var phoned = await services.Pool.CreateAsync(rep, team.Id, CustomerServices.Input("苏州恒瑞精密机械有限公司", "013912345678"));
        await services.FollowUpAsync(rep, phoned);
        await services.OwnedCustomerAsync(team, rep, "=HYPERLINK(\"http://evil\",\"x\")");
        await services.OwnedCustomerAsync(team, rep, "@SUM(1+1)");
        await services.OwnedCustomerAsync(team, rep, "-2+3 Trading");
        return (rep, team.Id);
    }

    [Fact]
    public async Task TheWorkbookKeepsPhonesAndIdsAsTextAndTimesAsDatesInTheTeamsZone()
    {
        var (rep, teamId) = await RepWithCustomersAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var table = await services.Export.CustomersAsync(rep, new CustomerQuery(teamId, CustomerScope.Mine, Sort: CustomerSort.Name), localizer);
        using var output = new MemoryStream();

        await CustomerExport.WriteWorkbookAsync(table, output);

        Assert.Equal("customers-mine-20261127", table.FileStem);
        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        var phoned = rows.Single(row => (string?)row["公司名称"] == "苏州恒瑞精密机械有限公司");
        Assert.Equal("013912345678", Assert.IsType<string>(phoned["电话"]));
        Assert.IsType<string>(phoned["客户编号"]);
        Assert.Equal(new DateTime(2026, 11, 27, 1, 30, 0), Assert.IsType<DateTime>(phoned["最近跟进"]));
        Assert.IsType<DateTime>(phoned["回流日期"]);
        var sheet = SheetXml(output);
        Assert.Contains("t=\"str\"", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", sheet, StringComparison.Ordinal);
        var names = rows.Select(row => (string?)row["公司名称"]).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil\",\"x\")", names);
        Assert.Contains("'@SUM(1+1)", names);
        Assert.Contains("'-2+3 Trading", names);
    }

    [Fact]
    public async Task TheCsvIsUtf8WithABomDefusesFormulasAndShowsTimesInTheTeamsZone()
    {
        var (rep, teamId) = await RepWithCustomersAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var table = await services.Export.CustomersAsync(rep, new CustomerQuery(teamId, CustomerScope.Mine, Sort: CustomerSort.Name), localizer);
        using var output = new MemoryStream();

        await CustomerExport.WriteCsvAsync(table, output);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.StartsWith("Company name,Phone,Region", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Last follow-up,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("'-2+3 Trading,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("'@SUM(1+1),", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(",013912345678,", StringComparison.Ordinal) && line.Contains(",2026-11-27 01:30,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-A1", "'-A1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("+86 139 1234 5678", "+86 139 1234 5678")]
    [InlineData("-5", "-5")]
    [InlineData("Acme", "Acme")]
    public void CellsThatWouldRunAsFormulasAreDefused(string cell, string written) =>
        Assert.Equal(written, CustomerExport.Defuse(cell));

    [Fact]
    public async Task FollowUpsOfAPeriodAreExportedWithTheTeamsDaysAndOnlyThoseTheViewerMaySee()
    {
        var (rep, teamId) = await RepWithCustomersAsync();
        var team = await services.Data.TeamAsync();
        var outsider = await services.Data.RepAsync(team);
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var today = await services.Export.FollowUpsAsync(rep, teamId, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), localizer);
        var yesterday = await services.Export.FollowUpsAsync(rep, teamId, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26), localizer);

        var row = Assert.Single(today.Rows);
        Assert.Equal(new DateTime(2026, 11, 27, 1, 30, 0), Assert.IsType<ExportTime>(row[0]).Local);
        Assert.Equal(("苏州恒瑞精密机械有限公司", "013912345678"), (row[1], row[3]));
        Assert.Empty(yesterday.Rows);
        Assert.Equal("follow-ups-20261127-20261127", today.FileStem);
        await Assert.ThrowsAsync<SalesCockpit.Features.Teams.TeamAccessDeniedException>(() =>
            services.Export.FollowUpsAsync(outsider, teamId, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), localizer));
    }

    [Fact]
    public async Task ARepsFollowUpsLeaveOutColleaguesCustomersEvenOnesTheRepWroteAboutWhileAManagerGetsTheWholeTeam()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        var manager = await services.Data.ManagerAsync(team);
        var kept = await services.OwnedCustomerAsync(team, rep, "Kept Ltd");
        var released = await services.OwnedCustomerAsync(team, rep, "Released Ltd");
        var handedOver = await services.OwnedCustomerAsync(team, rep, "Handed Over Ltd");
        var colleagues = await services.OwnedCustomerAsync(team, colleague, "Colleague Ltd");
        foreach (var (author, customer) in new[] { (rep, kept), (rep, released), (rep, handedOver), (colleague, colleagues) })
        {
            await services.FollowUpAsync(author, customer);
        }

        await services.Pool.ReleaseAsync(rep, released, "Not ready to buy this year.");
        await services.Pool.HandOverAsync(manager, team.Id, rep.UserId, [handedOver], colleague.UserId, "Moved to the colleague's region.");
        var day = new DateOnly(2026, 11, 27);

        var repRows = (await services.Export.FollowUpsAsync(rep, team.Id, day, day, localizer)).Rows;
        var managerRows = (await services.Export.FollowUpsAsync(manager, team.Id, day, day, localizer)).Rows;

        Assert.NotEmpty(repRows);
        Assert.Equal(["Kept Ltd", "Released Ltd"], repRows.Select(row => (string)row[1]!).Order(StringComparer.Ordinal));
        Assert.Equal(["Colleague Ltd", "Handed Over Ltd", "Kept Ltd", "Released Ltd"], managerRows.Select(row => (string)row[1]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task APeriodBackwardsOrLongerThanAYearIsRefused()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            services.Export.FollowUpsAsync(manager, team.Id, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 26), localizer));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            services.Export.FollowUpsAsync(manager, team.Id, new DateOnly(2025, 11, 1), new DateOnly(2026, 11, 2), localizer));
    }

    private static string SheetXml(MemoryStream workbook)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }
}
