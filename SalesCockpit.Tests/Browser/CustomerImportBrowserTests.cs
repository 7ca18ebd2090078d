using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Spreadsheets;
using SalesCockpit.Tests.Features.Customers;

namespace SalesCockpit.Tests.Browser;

/// <summary>The import page as people use it: files saved by Excel on Chinese Windows, workbooks, a long file with its progress bar.</summary>
[Collection(BrowserSuite.Name)]
public sealed partial class CustomerImportBrowserTests(BrowserFixture fixture) : IDisposable
{
    // Preview and import wait on the database; on a busy shared machine that takes longer than Playwright's 5 s default.
    private const float PreviewTimeout = 60_000;

    private readonly List<string> files = [];

    static CustomerImportBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnExcelWorkbookIsPreviewedWithRowErrorsThenImported()
    {
        var tag = Tag();
        var workbook = TestWorkbook.Build([
            ["客户名称", "电话", "行业"],
            [$"{tag} Workbook Trading Ltd", "013912345678", "Retail"],
            [null, "021-1234", "Retail"],
        ]);
        var page = await fixture.OpenAsync("manager@demo.local");
        await BrowserFixture.GoToAsync(page, "/customers/import");

        await page.Locator("input[type=file]").SetInputFilesAsync(WriteFile("customers.xlsx", workbook));
        await page.GetByTestId("import-preview").WaitForAsync(new LocatorWaitForOptions { Timeout = PreviewTimeout });

        await Assertions.Expect(page.GetByTestId("count-valid")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("count-invalid")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("row-reason").Filter(new LocatorFilterOptions { HasText = "Company name" })).ToHaveCountAsync(1);
        await page.GetByTestId("import-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("1 customer imported.", new() { Timeout = PreviewTimeout });
        Assert.Equal(1, await CountAsync(tag));
    }

    [Fact]
    public async Task ALongFileShowsAMovingProgressBarAndCancellingTheWriteLeavesNothing()
    {
        const int rows = 30_000;
        var tag = Tag();
        var csv = new StringBuilder("Company name,Industry,Size\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{tag} Cancel Test {i:D6} Ltd,Retail,Small\n");
        }

        var page = await fixture.OpenAsync("manager@demo.local");
        await BrowserFixture.GoToAsync(page, "/customers/import");

        await page.Locator("input[type=file]").SetInputFilesAsync(WriteFile("long.csv", Encoding.UTF8.GetBytes(csv.ToString())));

        var progressText = page.GetByTestId("import-progress-text");
        await Assertions.Expect(progressText).ToHaveTextAsync(ReadingText(), new() { Timeout = PreviewTimeout });
        var first = await progressText.TextContentAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-progress] [role=progressbar]")).Not.ToHaveClassAsync(IndeterminateClass());
        await Assertions.Expect(progressText).Not.ToHaveTextAsync(first!, new() { Timeout = PreviewTimeout });
        await Assertions.Expect(page.GetByTestId("count-valid")).ToHaveTextAsync(rows.ToString(CultureInfo.InvariantCulture) + " valid", new() { Timeout = 180_000 });

        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(progressText).ToHaveTextAsync(WritingText(), new() { Timeout = PreviewTimeout });
        await page.GetByTestId("import-cancel").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveTextAsync("Cancelled. Nothing was imported.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync();
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedOnThePageBeforeItIsUploaded()
    {
        var path = WriteFile("huge.csv", []);
        await using (var stream = File.OpenWrite(path))
        {
            stream.SetLength(ImportFile.MaxBytes + 1);
        }

        var page = await fixture.OpenAsync("manager@demo.local");
        await BrowserFixture.GoToAsync(page, "/customers/import");

        await page.Locator("input[type=file]").SetInputFilesAsync(path);

        // The page's own message in the user's language, not the upload component's English one.
        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveTextAsync($"The file is larger than {ImportFile.MaxBytes / 1024 / 1024} MB.", new() { Timeout = PreviewTimeout });
        await Assertions.Expect(page.GetByTestId("import-progress")).ToHaveCountAsync(0);
    }

    private static string Tag() => $"T{Guid.NewGuid():N}"[..9];

    private string WriteFile(string name, byte[] content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "salescockpit-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        files.Add(path);
        return path;
    }

    private async Task<int> CountAsync(string tag)
    {
        await using var db = await fixture.App.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Customer>().CountAsync(customer => EF.Functions.Like(customer.Name, tag + "%"));
    }

    [GeneratedRegex(@"^[\d,]+ rows read and checked \(\d+ ?% of the file\)$")]
    private static partial Regex ReadingText();

    [GeneratedRegex(@"^[\d,]+ of [\d,]+ rows written$")]
    private static partial Regex WritingText();

    [GeneratedRegex("indeterminate")]
    private static partial Regex IndeterminateClass();
}
