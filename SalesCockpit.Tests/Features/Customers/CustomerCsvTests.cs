using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Tests.Features.Customers;

public sealed class CustomerCsvTests : IDisposable
{
    private readonly CustomerServices services = new();

    public void Dispose() => services.Dispose();

    private static MemoryStream Utf8(string text, bool bom = true) => new([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public async Task ThePreviewMarksEveryRowValidDuplicateOrInvalidWithChineseHeaders()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        var colleague = await services.Data.RepAsync(team);
        await services.OwnedCustomerAsync(team, colleague, "苏州恒瑞精密机械有限公司");
        const string file = "公司名称,电话,行业,规模,联系人,是否决策人\n"
            + "杭州远航食品有限公司,0571-8888 0001,食品饮料,中型（50–249人）,王建国,是\n"
            + "苏州 恒瑞精密机械,,制造业,Small,,\n"
            + "\"Acme, Trading Co., Ltd.\",,Spaceflight,Small,,\n"
            + "杭州远航食品,,Retail,Micro,,\n"
            + ",,,,,\n";

        var preview = await services.Import.PreviewAsync(rep, team.Id, Utf8(file));

        Assert.Equal([ImportOutcome.Valid, ImportOutcome.Duplicate, ImportOutcome.Invalid, ImportOutcome.Duplicate], preview.Rows.Select(row => row.Outcome));
        Assert.Equal(("Duplicate_HeldBy", colleague.DisplayName), (preview.Rows[1].MessageKey, preview.Rows[1].Arguments[1]));
        Assert.Equal(("Import_UnknownValue", "Spaceflight"), (preview.Rows[2].MessageKey, preview.Rows[2].Arguments[0]));
        Assert.Equal("Import_DuplicateInFile", preview.Rows[3].MessageKey);
        var input = preview.Rows[0].Input!;
        Assert.Equal((Industry.FoodAndBeverage, SizeBand.Medium, true), (input.Industry, input.SizeBand, input.Contacts[0].IsDecisionMaker));
    }

    [Fact]
    public async Task ValidRowsGoInTogetherOrNotAtAll()
    {
        var team = await services.Data.TeamAsync();
        var manager = await services.Data.ManagerAsync(team);
        var preview = await services.Import.PreviewAsync(manager, team.Id, Utf8("Name,Phone\nFirst Import Ltd,\nSecond Import Ltd,\n", bom: false));
        await services.PoolCustomerAsync(team, manager, "Second Import Co., Ltd."); // appears after the preview

        var refused = await Assert.ThrowsAsync<PoolRuleException>(() => services.Import.ImportAsync(manager, preview, toPublicPool: true));
        Assert.Equal("Import_ChangedSincePreview", refused.ReasonKey);
        Assert.Equal(1, (await services.Directory.ListAsync(manager, new CustomerQuery(team.Id, CustomerScope.Team))).Total);

        var fresh = await services.Import.PreviewAsync(manager, team.Id, Utf8("Name,Phone\nFirst Import Ltd,\nSecond Import Ltd,\n"));
        Assert.Equal(1, await services.Import.ImportAsync(manager, fresh, toPublicPool: true));
        Assert.Equal(2, (await services.Directory.ListAsync(manager, new CustomerQuery(team.Id, CustomerScope.Pool))).Total);
    }

    [Fact]
    public async Task ExportIsUtf8WithABomAndQuotesWhatNeedsIt()
    {
        var team = await services.Data.TeamAsync();
        var rep = await services.Data.RepAsync(team);
        await services.OwnedCustomerAsync(team, rep, "上海星辰科技有限公司");
        await services.OwnedCustomerAsync(team, rep, "=HYPERLINK(\"x\"), Ltd");
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Create(typeof(CustomersText));
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        using var output = new MemoryStream();

        var table = await services.Export.CustomersAsync(rep, new CustomerQuery(team.Id, CustomerScope.Mine, Sort: CustomerSort.Name), localizer);
        await CustomerExport.WriteCsvAsync(table, output);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("公司名称,电话,地区", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\"), Ltd\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("上海星辰科技有限公司", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task TheParserReadsQuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        var records = ImportFile.Open(Utf8("a,\"b, \"\"c\"\"\nd\",e\r\nf,,g")).Records().ToList();

        Assert.Equal(["a", "b, \"c\"\nd", "e"], records[0].Cells.Select(cell => cell ?? "<null>"));
        Assert.Equal(["f", "", "g"], records[1].Cells.Select(cell => cell ?? "<null>"));
        Assert.Equal([1, 3], records.Select(record => record.Line));
    }
}
