using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SalesCockpit.Features.Customers;

namespace SalesCockpit.Benchmarks;

/// <summary>
/// Issue 15: a customer list of 10,000 (the baseline, as in the customer benchmarks) and 100,000 rows, CSV and .xlsx, into a
/// team that already holds 50,000 customers. Preview = read, check every row against the team and the file; import = the
/// preview plus the all-or-nothing commit, as the import page runs them.
/// </summary>
[Config(typeof(ImportConfig))]
public class ImportBenchmarks
{
    private readonly CustomerImport importer = BenchData.Importer();
    private byte[] file = [];

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [Params("csv", "xlsx")]
    public string Format { get; set; } = "csv";

    [GlobalSetup]
    public void MakeFile() => file = Format == "csv" ? BenchData.ImportFile(Rows) : BenchData.ImportWorkbook(Rows);

    [IterationSetup]
    public void RemoveImported() => BenchData.RemoveImported();

    [Benchmark(Description = "Preview (read + check every row)")]
    public async Task<int> Preview()
    {
        using var stream = new MemoryStream(file);
        var preview = await importer.PreviewAsync(BenchData.Manager, BenchData.TeamId, stream, "bench." + Format, null, null);
        return preview.ValidCount;
    }

    [Benchmark(Description = "Import (preview + commit)")]
    public async Task<int> Import()
    {
        using var stream = new MemoryStream(file);
        var preview = await importer.PreviewAsync(BenchData.Manager, BenchData.TeamId, stream, "bench." + Format, null, null);
        return await importer.ImportAsync(BenchData.Manager, preview, toPublicPool: true);
    }

    /// <summary>Seconds per invocation: one warm-up and three measured runs, each after removing the rows imported before.</summary>
    public class ImportConfig : ManualConfig
    {
        public ImportConfig()
        {
            // The in-process toolchain gives up on a benchmark after 5 minutes by default; on a busy shared machine one case of
            // five 100,000-row imports can take longer, which is slow but not a hang.
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
