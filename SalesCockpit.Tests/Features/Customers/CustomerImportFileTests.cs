using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Tests.Features.Customers;

/// <summary>Files as people have them: GBK from Chinese Windows, UTF-8 with or without BOM, .xlsx with merged headers, and files that are neither.</summary>
public sealed class CustomerImportFileTests : IDisposable
{
    private static readonly Encoding Gbk;
    private readonly CustomerServices services = new();

    static CustomerImportFileTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding(936);
    }

    public void Dispose() => services.Dispose();

    private async Task<(SalesCockpit.Features.Teams.Viewer Manager, int TeamId)> ManagerAsync()
    {
        var team = await services.Data.TeamAsync();
        return (await services.Data.ManagerAsync(team), team.Id);
    }

    private async Task<ImportPreview> PreviewAsync(byte[] file, string fileName, string? sheet = null)
    {
        var (manager, teamId) = await ManagerAsync();
        return await services.Import.PreviewAsync(manager, teamId, new MemoryStream(file), fileName, sheet, progress: null);
    }

    [Fact]
    public async Task AGbkFileWithChineseHeadersIsReadAsGb18030()
    {
        var file = Gbk.GetBytes("公司名称,电话,行业,规模\r\n深圳市数据互联网络有限公司,0755-8888 0001,科技,中型\r\n杭州远航食品有限公司,,食品饮料,小型（10–49人）\r\n");

        var preview = await PreviewAsync(file, "客户.csv");

        Assert.Null(preview.FileErrorKey);
        Assert.Equal("GB18030", preview.EncodingName);
        Assert.Equal(["深圳市数据互联网络有限公司", "杭州远航食品有限公司"], preview.Rows.Select(row => row.Name));
        Assert.All(preview.Rows, row => Assert.Equal(ImportOutcome.Valid, row.Outcome));
        Assert.Equal((Industry.Technology, SizeBand.Medium), (preview.Rows[0].Input!.Industry, preview.Rows[0].Input!.SizeBand));
    }

    [Fact]
    public async Task AGbkFileWithEnglishHeadersKeepsItsChineseNamesIntact()
    {
        var file = Gbk.GetBytes("Name,Phone,Region\r\n深圳市数据互联网络有限公司,0755-88880001,深圳\r\n");
        var (manager, teamId) = await ManagerAsync();

        var preview = await services.Import.PreviewAsync(manager, teamId, new MemoryStream(file));
        await services.Import.ImportAsync(manager, preview, toPublicPool: true);

        await using var db = await services.Database.CreateDbContextAsync();
        var stored = await db.Set<Customer>().SingleAsync();
        Assert.Equal(("深圳市数据互联网络有限公司", "深圳"), (stored.Name, stored.Region));
        Assert.DoesNotContain('\uFFFD', stored.Name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Utf8IsReadWithOrWithoutAByteOrderMark(bool bom)
    {
        byte[] file = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes("公司名称,电话\n上海星辰科技有限公司,021-5555 0001\n")];

        var preview = await PreviewAsync(file, "list.csv");

        Assert.Equal("UTF-8", preview.EncodingName);
        Assert.Equal("上海星辰科技有限公司", Assert.Single(preview.Rows).Name);
    }

    [Fact]
    public async Task BytesThatAreNeitherUtf8NorGb18030AreRefusedNamingTheEncoding()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("Name\nAcme "), 0x80, 0xFF, (byte)'\n'];

        var preview = await PreviewAsync(file, "broken.csv");

        Assert.Equal("Import_BadEncoding", preview.FileErrorKey);
        Assert.Equal("broken.csv", preview.FileErrorArguments![0]);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task AnImageRenamedToCsvOrXlsxIsRefusedClearly()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];
        using var zipOfText = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipOfText, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            entry.Write("not a workbook");
        }

        Assert.Equal("Import_NotText", (await PreviewAsync(png, "photo.csv")).FileErrorKey);
        Assert.Equal("Import_NotWorkbook", (await PreviewAsync(png, "photo.xlsx")).FileErrorKey);
        Assert.Equal("Import_NotWorkbook", (await PreviewAsync(zipOfText.ToArray(), "archive.xlsx")).FileErrorKey);
        Assert.Equal("Import_OldExcel", (await PreviewAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.xls")).FileErrorKey);
    }

    [Fact]
    public async Task AWorkbookWithMergedHeaderCellsAndAnEmptyTrailingRowIsPreviewedLikeCsv()
    {
        var file = TestWorkbook.Build(
            [
                ["2026 年华东客户名单", null, null, null, null],
                ["客户", null, "联系人", null, null],
                ["客户名称", "电话", "姓名", "手机", "客户级别"],
                ["苏州瑞丰融资租赁有限公司", "0512-6888 0001", "王建国", 13912345678d, "重点"],
                ["Acme Trading Co., Ltd.", "0512 6888 0002", null, null, "Key account"],
                ["无锡某某有限公司", null, null, null, "特级"],
                [null, null, null, null, null],
            ],
            merges: ["A1:E1", "A2:B2", "C2:D2"],
            extraSheets: ["说明"]);

        var preview = await PreviewAsync(file, "客户.xlsx");

        Assert.Null(preview.FileErrorKey);
        Assert.Equal(ImportFormat.Workbook, preview.Format);
        Assert.Equal(["客户", "说明"], preview.Sheets);
        Assert.Equal([4, 5, 6], preview.Rows.Select(row => row.Line));
        Assert.Equal([ImportOutcome.Valid, ImportOutcome.Valid, ImportOutcome.Invalid], preview.Rows.Select(row => row.Outcome));
        var first = preview.Rows[0].Input!;
        Assert.Equal(("0512-6888 0001", CustomerLevel.Key, "王建国", "13912345678"), (first.Phone, first.Level, first.Contacts[0].Name, first.Contacts[0].Phone));
        Assert.Equal(("Level", "特级"), (preview.Rows[2].Field, preview.Rows[2].Arguments[0]));

        var other = await PreviewAsync(file, "客户.xlsx", sheet: "说明");
        Assert.Equal(("说明", "Other sheet customer 1"), (other.Sheet, Assert.Single(other.Rows).Name));
    }

    [Fact]
    public async Task HeadersSynonymsShortLabelsAndFullWidthDigitsAreUnderstood()
    {
        const string file = "客户名称,联系电话,所属行业,公司规模,客户来源,级别\n"
            + "宁波海天塑机有限公司,０５７４－８６１８　２２２２,制造业,中型,陌拜,普通\n"
            + "Ningbo Ocean Ltd,0574 1234 5678,Retail,Medium,Outbound,Small account\n"
            + "宁波某某有限公司,,制造业,巨型,,\n";

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(file), "list.csv");

        Assert.Equal([ImportOutcome.Valid, ImportOutcome.Valid, ImportOutcome.Invalid], preview.Rows.Select(row => row.Outcome));
        var first = preview.Rows[0].Input!;
        Assert.Equal(("0574-8618 2222", SizeBand.Medium, CustomerSource.Outbound, CustomerLevel.Standard), (first.Phone, first.SizeBand, first.Source, first.Level));
        Assert.Equal((Industry.Retail, CustomerLevel.Small), (preview.Rows[1].Input!.Industry, preview.Rows[1].Input!.Level));
        var unknown = preview.Rows[2];
        Assert.Equal(("Import_UnknownValue", "巨型", "Size"), (unknown.MessageKey, unknown.Arguments[0], unknown.Field));
        Assert.Equal(["Size_Micro", "Size_Small", "Size_Medium", "Size_Large", "Size_Enterprise"], unknown.AcceptedKeys);
    }

    [Fact]
    public async Task AReplacementCharacterInTheFileNeverReachesTheDatabase()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Name\nGood Ltd\nBad \uFFFD\uFFFD Ltd\n"), "list.csv");

        Assert.Equal([ImportOutcome.Valid, ImportOutcome.Invalid], preview.Rows.Select(row => row.Outcome));
        Assert.Equal("Import_ReplacementCharacter", preview.Rows[1].MessageKey);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedBeforeItIsRead()
    {
        var (manager, teamId) = await ManagerAsync();
        await using var huge = new UnreadableStream(ImportFile.MaxBytes + 1);

        var preview = await services.Import.PreviewAsync(manager, teamId, huge, "huge.csv", null, progress: null);

        Assert.Equal("Import_TooLarge", preview.FileErrorKey);
        Assert.Equal(50L, Assert.IsType<long>(Assert.Single(preview.FileErrorArguments!)));
    }

    /// <summary>A file of a given length whose bytes cannot be read: a refusal that needs no reading passes, any read fails the test.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The file was read.");

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => Position + offset, _ => length + offset };

        public override void Flush() { }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AHundredThousandRowsArePreviewedAndImportedCompletelyWithProgress()
    {
        const int count = 100_000;
        var text = new StringBuilder("公司名称,电话,行业,规模,联系人\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("批量客户 ").Append(i).Append(" 有限公司,0512-").Append(10_000_000 + i).Append(",制造业,中型,联系人").Append(i).Append('\n');
        }

        var (manager, teamId) = await ManagerAsync();
        List<ImportProgress> reports = [];
        var progress = new SynchronousProgress(reports.Add);

        var preview = await services.Import.PreviewAsync(manager, teamId, new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "big.csv", null, progress);
        Assert.Equal(count, preview.ValidCount);
        var written = await services.Import.ImportAsync(manager, preview, toPublicPool: true, progress);

        Assert.Equal(count, written);
        await using var db = await services.Database.CreateDbContextAsync();
        Assert.Equal(count, await db.Set<Customer>().CountAsync(customer => customer.TeamId == teamId));
        Assert.Equal(count, await db.Set<Contact>().CountAsync());
        Assert.Equal("批量客户 99999 有限公司", await db.Set<Customer>().OrderByDescending(customer => customer.Id).Select(customer => customer.Name).FirstAsync());
        var reading = reports.Where(report => report.Stage == ImportStage.Reading).ToList();
        var writing = reports.Where(report => report.Stage == ImportStage.Writing).ToList();
        Assert.NotEmpty(reading);
        Assert.NotEmpty(writing);
        Assert.True(reading.Count >= 50, $"only {reading.Count} reading reports");
        Assert.Equal(reading.Select(report => report.Rows).Order(), reading.Select(report => report.Rows));
        Assert.Equal((count, count, 1d), (writing[^1].Rows, writing[^1].Total, writing[^1].Fraction));
    }

    [Fact]
    public async Task AnImportedCustomerIsStoredAsTheFormStoresOneAndCanBeEditedAfterwards()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var contact = new ContactInput("王建国", "采购经理", "139 1234 5678", "wjg@example.cn", true);
        var typedId = await services.Pool.CreateAsync(rep, team.Id, CustomerServices.Input("苏州瑞丰融资租赁有限公司", "0512-6666 0001", CustomerLevel.Key, contact));
        var imported = CustomerServices.Input("上海星辰科技（上海）有限公司", "021-5555 0001", CustomerLevel.Key, contact);
        var preview = new ImportPreview(team.Id, [new ImportRow(2, imported.Name, imported.Phone, ImportOutcome.Valid, null, [], imported)]);

        Assert.Equal(1, await services.Import.ImportAsync(rep, preview, toPublicPool: false));

        await using var db = await services.Database.CreateDbContextAsync();
        var customers = await db.Set<Customer>().AsNoTracking().Include(customer => customer.Contacts).ToListAsync();
        var typed = customers.Single(customer => customer.Id == typedId);
        var stored = customers.Single(customer => customer.Id != typedId);
        Assert.Equal(
            ("上海星辰科技（上海）有限公司", CustomerNames.Normalize(imported.Name), CompanyNameCore.Of(imported.Name), "021-5555 0001", CustomerNames.NormalizePhone(imported.Phone)),
            (stored.Name, stored.NormalizedName, stored.NameCore, stored.Phone, stored.NormalizedPhone));
        object Comparable(Customer customer) => (
            (customer.TeamId, customer.Region, customer.Industry, customer.SizeBand, customer.Stage, customer.Source, customer.ReferredById, customer.Status, customer.Level, customer.Notes),
            (string.Join('|', customer.MetCriteria), customer.OwnerId, customer.OwnerSince, customer.HoldClockAt, customer.ProgressClockAt, customer.FlowBackOn, customer.IsLocked, customer.CreatedAt, customer.CreatedAt.Kind, customer.CreatedById),
            string.Join('|', customer.Contacts.Select(person => (person.Name, person.Title, person.Phone, person.WeChatOrEmail, person.IsDecisionMaker))));
        Assert.Equal(Comparable(typed), Comparable(stored));
        Assert.Equal(rep.UserId, stored.OwnerId);
        Assert.NotEqual(Guid.Empty, stored.Version);
        var importedEvent = await db.Set<CustomerEvent>().AsNoTracking().SingleAsync(customerEvent => customerEvent.CustomerId == stored.Id);
        Assert.Equal((team.Id, CustomerEventKind.Imported, rep.UserId, rep.UserId, services.Clock.GetUtcNow().UtcDateTime), (importedEvent.TeamId, importedEvent.Kind, importedEvent.ActorId, importedEvent.ToOwnerId, importedEvent.OccurredAt));

        await services.Pool.UpdateAsync(rep, stored.Id, imported with { Notes = "Edited after the import" }, stored.Version);
        Assert.Equal("Edited after the import", (await services.Directory.GetAsync(rep, stored.Id)).Notes);
    }

    [Fact]
    public async Task CancellingBeforeTheCommitLeavesNothingBehind()
    {
        var text = new StringBuilder("Name\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append("Cancelled customer ").Append(i).Append('\n');
        }

        var (manager, teamId) = await ManagerAsync();
        var preview = await services.Import.PreviewAsync(manager, teamId, new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(report => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Import.ImportAsync(manager, preview, toPublicPool: true, progress, cancel.Token));

        await using var db = await services.Database.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<Customer>().CountAsync());
        Assert.Equal(0, await db.Set<CustomerEvent>().CountAsync());
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
