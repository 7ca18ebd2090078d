using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// <c>dotnet run -c Release --project SalesCockpit.Benchmarks -- board</c>: the team board measured against the real app in
/// a child process and real Chromium pages: push latency, memory per open board, first load of a large team.
/// </summary>
public static class BoardBenchmark
{
    private static int saves = 100;
    private static int extraBoards = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // --quick: a smoke run of the tool itself (few saves, few boards), not figures to report.
        if (args.Contains("--quick"))
        {
            (saves, extraBoards) = (10, 10);
        }

        var parts = args.Any(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ? args : ["push", "memory", "first-load"];
        var repositoryRoot = FindRepositoryRoot();
        var workFolder = Path.Combine(Path.GetTempPath(), $"salescockpit-board-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(workFolder);
        var report = new StringBuilder();
        var total = Stopwatch.StartNew();
        try
        {
            report.AppendLine(Machine.Describe());
            if (parts.Contains("push"))
            {
                report.Append(await RunPushAsync(repositoryRoot, Path.Combine(workFolder, "push")));
            }

            if (parts.Contains("memory"))
            {
                report.Append(await RunMemoryAsync(repositoryRoot, Path.Combine(workFolder, "memory")));
            }

            if (parts.Contains("first-load"))
            {
                report.Append(await RunFirstLoadAsync(repositoryRoot, Path.Combine(workFolder, "first-load")));
            }
        }
        finally
        {
            Directory.Delete(workFolder, recursive: true);
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"Whole run: {total.Elapsed.TotalMinutes:0.0} min.");
        var resultFile = Path.Combine(repositoryRoot, "BenchmarkDotNet.Artifacts", "board-results.md");
        Directory.CreateDirectory(Path.GetDirectoryName(resultFile)!);
        await File.WriteAllTextAsync(resultFile, report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"(also written to {resultFile})");
        return 0;
    }

    private static async Task<string> RunPushAsync(string repositoryRoot, string workFolder)
    {
        Console.WriteLine("Push latency: starting the app ...");
        Directory.CreateDirectory(workFolder);
        await using var app = await AppUnderTest.StartAsync(repositoryRoot, workFolder);
        await using var browser = await BenchBrowser.LaunchAsync(app.BaseAddress);
        var team = DemoTeam.Read(Path.Combine(workFolder, "bench.db"));
        var series = await PushLatency.RunAsync(app, browser, team, saves, extraBoards);

        var markdown = new StringBuilder();
        markdown.AppendLine("### Push latency: from a rep's click on save until the manager's board shows the follow-up");
        markdown.AppendLine();
        markdown.AppendLine("| boards open (on screens + circuits without a browser) | saves | first-opened board (the manager's) p50 / p95 / max | last-opened board p50 / p95 / max | every board p50 / p95 / max | until the last board, p50 / p95 / max | baseline: GET /healthz median | baseline: the rep's own timeline, p50 | CPU per save: app / client side |");
        markdown.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var one in series)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| {(one.LightCircuits == 0 ? one.Boards.ToString(CultureInfo.InvariantCulture) : $"{one.Boards} + {one.LightCircuits} without a browser")} | {one.ToFirstBoard.Count}{(one.Missed > 0 ? $" ({one.Missed} missed)" : "")} | {Spread(one.ToFirstBoard)} | {Spread(one.ToLastOpenedBoard)} | {Spread(one.ToEveryBoard)} | " +
                $"{Spread(one.ToLastBoard)} | {Timings.Format(one.HealthRoundTrip.Median)} | {Timings.Format(one.ToOwnTimeline.Median)} | " +
                $"{Timings.Format(one.CpuPerSave.App.TotalMilliseconds)} / {Timings.Format(one.CpuPerSave.Browser.TotalMilliseconds)} |");
        }

        markdown.AppendLine();
        return markdown.ToString();
    }

    private static string Spread(Timings timings) => $"{Timings.Format(timings.Median)} / {Timings.Format(timings.P95)} / {Timings.Format(timings.Max)}";

    private static async Task<string> RunMemoryAsync(string repositoryRoot, string workFolder)
    {
        Console.WriteLine("Memory per board: starting a fresh app ...");
        Directory.CreateDirectory(workFolder);
        await using var app = await AppUnderTest.StartAsync(repositoryRoot, workFolder);
        await using var browser = await BenchBrowser.LaunchAsync(app.BaseAddress);
        var team = DemoTeam.Read(Path.Combine(workFolder, "bench.db"));
        var points = await BoardMemory.RunAsync(app, browser, team);

        var markdown = new StringBuilder();
        markdown.AppendLine("### Server memory per open board (VmRSS of the app process, settled)");
        markdown.AppendLine();
        markdown.AppendLine("| boards open | resident set | per board since the previous row | app CPU while nobody acts |");
        markdown.AppendLine("|---:|---:|---:|---:|");
        for (var i = 0; i < points.Count; i++)
        {
            var perBoard = i == 0 ? "" : $"{(points[i].ResidentMegabytes - points[i - 1].ResidentMegabytes) / (points[i].Boards - points[i - 1].Boards):0.00} MiB";
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {points[i].Boards} | {points[i].ResidentMegabytes:0} MiB | {perBoard} | {points[i].IdleCpuPercent:0.0}% of a core |");
        }

        var first = points.First(point => point.Boards > 0);
        var last = points[^1];
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"Per board from {first.Boards} to {last.Boards} open (first-use costs excluded): {(last.ResidentMegabytes - first.ResidentMegabytes) / (last.Boards - first.Boards):0.00} MiB.");
        markdown.AppendLine();
        return markdown.ToString();
    }

    private static async Task<string> RunFirstLoadAsync(string repositoryRoot, string workFolder)
    {
        Console.WriteLine("First load: seeding the demo, then adding a team of 30 reps with a year of history ...");
        Directory.CreateDirectory(workFolder);
        var database = Path.Combine(workFolder, "bench.db");
        await (await AppUnderTest.StartAsync(repositoryRoot, workFolder)).DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var year = await YearOfTeam.AddAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Console.WriteLine($"  built in {year.BuildTime.TotalSeconds:0} s; measuring ...");
        var demoTeam = DemoTeam.Read(database);
        FirstLoad load;
        await using (var app = await AppUnderTest.StartAsync(repositoryRoot, workFolder))
        await using (var browser = await BenchBrowser.LaunchAsync(app.BaseAddress))
        {
            load = await BoardFirstLoad.MeasureAsync(app, browser, demoTeam, year.TeamId);
        }

        // Where the time goes: the SQL of one warm load, from EF Core's command log (a separate start: logging costs time).
        IReadOnlyList<BoardQuery> queries;
        await using (var app = await AppUnderTest.StartAsync(repositoryRoot, workFolder, logSql: true))
        await using (var browser = await BenchBrowser.LaunchAsync(app.BaseAddress))
        {
            queries = await BoardFirstLoad.ProfileAsync(app, browser, demoTeam, year.TeamId);
        }

        var markdown = new StringBuilder();
        markdown.AppendLine("### The board's first load (server time of the prerendered GET, median of " + BoardFirstLoad.Runs + ")");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"Team {YearOfTeam.TeamName}: {YearOfTeam.Reps} reps, {year.Customers:N0} customers, {year.FollowUps:N0} follow-ups, {year.CustomerEvents:N0} pool events, " +
            $"{year.Opportunities:N0} opportunities, {year.Plans:N0} morning plans with {year.PlannedVisits:N0} planned visits, {year.Reviews:N0} evening reviews, {year.RideAlongs:N0} ride-alongs, " +
            $"{year.Targets:N0} monthly targets (built in {year.BuildTime.TotalSeconds:0} s).");
        markdown.AppendLine();
        markdown.AppendLine("| request | median | p95 | max |");
        markdown.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, timings) in new[]
        {
            ("Baseline: GET /healthz", load.Health),
            ("Baseline: GET the demo team's board (6 reps, six weeks)", load.DemoBoard),
            ($"GET the {YearOfTeam.TeamName} board ({load.YearBoardBytes / 1024} KiB of HTML)", load.YearBoard),
        })
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Timings.Format(timings.Median)} | {Timings.Format(timings.P95)} | {Timings.Format(timings.Max)} |");
        }

        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"SQL of one warm {YearOfTeam.TeamName} board load (EF Core's command log, separate run): {queries.Count} commands, {queries.Sum(query => query.Milliseconds)} ms in total; the slowest:");
        markdown.AppendLine();
        foreach (var query in queries.Take(5))
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {query.Milliseconds} ms: {query.Tables}");
        }

        markdown.AppendLine();
        return markdown.ToString();
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SalesCockpit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from the repository (SalesCockpit.sln not found above the build output).");
    }
}
