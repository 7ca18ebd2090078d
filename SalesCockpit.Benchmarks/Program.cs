using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SalesCockpit.Benchmarks;

if (args.Length > 0 && args[0] == "board")
{
    return await SalesCockpit.Benchmarks.Board.BoardBenchmark.RunAsync(args[1..]);
}

// The dataset is built once, in this process; benchmarks run in-process so they share it.
BenchData.Build();
BenchmarkSwitcher.FromTypes([typeof(CustomerReadBenchmarks), typeof(CustomerWriteBenchmarks), typeof(ImportBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
return 0;

namespace SalesCockpit.Benchmarks
{
    /// <summary>Few iterations, in-process: minutes on two cores, medians stable enough to compare.</summary>
    public class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
            SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(60);
        }
    }

    /// <summary>For benchmarks that reset data before each iteration: one invocation per iteration.</summary>
    public class SingleInvocationConfig : ManualConfig
    {
        public SingleInvocationConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median);
        }
    }
}
