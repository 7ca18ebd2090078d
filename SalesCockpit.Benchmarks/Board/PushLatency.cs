using System.Diagnostics;
using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// One series: a rep saves follow-ups one after another while <see cref="Boards"/> boards of the team are open. Times from the
/// click: to the first-opened board, to each board (every board of every save), to the last board of each save, to the rep's own timeline.
/// </summary>
public sealed record PushSeries(int Boards, Timings ToFirstBoard, Timings ToEveryBoard, Timings ToLastBoard, Timings ToOwnTimeline, Timings HealthRoundTrip, int Missed, CpuUse CpuPerSave);

/// <summary>
/// Time from the rep's click on "save" until the manager's board shows the follow-up in its live activity panel. Both pages
/// stamp <c>performance.timeOrigin + performance.now()</c> (one machine, one clock): the rep page on the click, the board in
/// a MutationObserver. The feed shows rep, kind and customer, not the text, so the rep alternates between two customers and
/// the board waits for the other customer's name on the feed's first line.
/// </summary>
public static class PushLatency
{
    private const string FollowUpContent = "textarea[data-testid=follow-up-content], [data-testid=follow-up-content] textarea";
    private static readonly TimeSpan SeriesTimeLimit = TimeSpan.FromMinutes(6);

    private const string BoardScript = """
        () => {
          window.benchArm = name => {
            const panel = document.querySelector('[data-testid=panel-activity]');
            const shows = () => { const first = panel.querySelector('[data-testid=activity-item]'); return !!first && first.textContent.includes(name); };
            window.benchSeen = new Promise(resolve => {
              if (shows()) { resolve(-2); return; }
              const observer = new MutationObserver(() => {
                if (shows()) { const at = performance.timeOrigin + performance.now(); observer.disconnect(); clearTimeout(timer); resolve(at); }
              });
              const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
              observer.observe(panel, { childList: true, subtree: true, characterData: true });
            });
          };
        }
        """;

    private const string RepScript = """
        () => {
          document.addEventListener('click', e => {
            if (e.target.closest && e.target.closest('[data-testid=save-follow-up]')) window.benchClickAt = performance.timeOrigin + performance.now();
          }, true);
          window.benchArmOwn = marker => {
            window.benchOwnSeen = new Promise(resolve => {
              const observer = new MutationObserver(() => {
                if ([...document.querySelectorAll('[data-testid=follow-up-text]')].some(text => text.textContent.includes(marker))) { const at = performance.timeOrigin + performance.now(); observer.disconnect(); clearTimeout(timer); resolve(at); }
              });
              const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            });
          };
        }
        """;

    public static async Task<IReadOnlyList<PushSeries>> RunAsync(AppUnderTest app, BenchBrowser browser, DemoTeam team, int saves, int extraBoards)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(team);
        var board = await browser.SignInAsync(DemoTeam.ManagerEmail, team.BoardPath);
        await PrepareBoardAsync(board);

        var first = await browser.SignInAsync(DemoTeam.RepEmail, $"/customers/{team.RepCustomers[0].Id}");
        var second = await BenchBrowser.OpenAsync(first.Context, $"/customers/{team.RepCustomers[1].Id}");
        IPage[] repPages = [first, second];
        foreach (var page in repPages)
        {
            await page.EvaluateAsync(RepScript);
        }

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var series = new List<PushSeries> { await MeasureSeriesAsync(app, http, [board], repPages, team, saves) };

        Console.WriteLine($"Opening {extraBoards} more boards of the team ...");
        var extraContexts = await BoardCircuits.OpenAsync(browser, team.BoardPath, extraBoards);
        var extraPages = extraContexts.SelectMany(context => context.Pages).ToList();
        foreach (var page in extraPages)
        {
            await PrepareBoardAsync(page);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        series.Add(await MeasureSeriesAsync(app, http, [board, .. extraPages], repPages, team, saves));

        await BoardCircuits.CloseAsync(extraContexts);
        await first.Context.CloseAsync();
        await board.Context.CloseAsync();
        return series;
    }

    private static async Task PrepareBoardAsync(IPage board)
    {
        await board.GetByTestId("activity-item").First.WaitForAsync();
        await board.EvaluateAsync(BoardScript);
    }

    /// <summary>The first board subscribed first, so the bus serves it first; every board is measured to see the last one too.</summary>
    private static async Task<PushSeries> MeasureSeriesAsync(AppUnderTest app, HttpClient http, IReadOnlyList<IPage> boards, IPage[] repPages, DemoTeam team, int saves)
    {
        var health = await Timings.MeasureAsync(200, async () => (await http.GetAsync(new Uri("healthz", UriKind.Relative))).Dispose());
        var toFirstBoard = new List<double>();
        var toEveryBoard = new List<double>();
        var toLastBoard = new List<double>();
        var toOwnTimeline = new List<double>();
        var missed = 0;
        var cpuBefore = CpuUse.Read(app.ProcessId);
        var watch = Stopwatch.StartNew();
        const int warmUps = 5;
        for (var save = 0; save < saves + warmUps && watch.Elapsed < SeriesTimeLimit; save++)
        {
            var which = save % 2;
            var (boardsAt, clickAt, ownAt) = await SaveOnceAsync(boards, repPages[which], team.RepCustomers[which].Name, $"bench {boards.Count}/{save} {Guid.NewGuid():N}");
            if (save < warmUps)
            {
                continue;
            }

            if (boardsAt.Any(at => at < 0) || clickAt <= 0)
            {
                missed++;
                continue;
            }

            toFirstBoard.Add(boardsAt[0] - clickAt);
            toEveryBoard.AddRange(boardsAt.Select(at => at - clickAt));
            toLastBoard.Add(boardsAt.Max() - clickAt);
            if (ownAt > 0)
            {
                toOwnTimeline.Add(ownAt - clickAt);
            }
        }

        var cpu = CpuUse.Read(app.ProcessId) - cpuBefore;
        var attempts = Math.Max(1, toFirstBoard.Count + missed + warmUps);
        var result = new PushSeries(boards.Count, new Timings(toFirstBoard), new Timings(toEveryBoard), new Timings(toLastBoard), new Timings(toOwnTimeline), health, missed,
            new CpuUse(cpu.App / attempts, cpu.Browser / attempts));
        Console.WriteLine($"  {boards.Count} boards: {result.ToFirstBoard.Count} saves, first board p50 {Timings.Format(result.ToFirstBoard.Median)} p95 {Timings.Format(result.ToFirstBoard.P95)}; " +
            $"every board p50 {Timings.Format(result.ToEveryBoard.Median)} p95 {Timings.Format(result.ToEveryBoard.P95)}; last board p95 {Timings.Format(result.ToLastBoard.P95)}; missed {missed}");
        return result;
    }

    private static async Task<(double[] BoardsAt, double ClickAt, double OwnAt)> SaveOnceAsync(IReadOnlyList<IPage> boards, IPage rep, string customerName, string marker)
    {
        foreach (var board in boards)
        {
            await board.EvaluateAsync("name => window.benchArm(name)", customerName);
        }

        await rep.EvaluateAsync("marker => window.benchArmOwn(marker)", marker);
        await rep.EvaluateAsync("() => { window.benchClickAt = 0; }");
        var content = rep.Locator(FollowUpContent).First;
        await content.FillAsync(marker);
        // MudTextField binds on change: commit the text before the click, so the click only submits.
        await content.BlurAsync();
        await rep.GetByTestId("save-follow-up").ClickAsync();
        var boardsAt = await Task.WhenAll(boards.Select(board => board.EvaluateAsync<double>("() => window.benchSeen")));
        var ownAt = await rep.EvaluateAsync<double>("() => window.benchOwnSeen");
        var clickAt = await rep.EvaluateAsync<double>("() => window.benchClickAt");
        // The form resets once the save is done; the next save starts from an empty form, after a short pause.
        try
        {
            await Assertions.Expect(content).ToHaveValueAsync("", new() { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            var error = rep.GetByTestId("follow-up-error");
            Console.WriteLine($"  save not done after 15 s (form error: {(await error.CountAsync() > 0 ? await error.InnerTextAsync() : "none")}); reloading the rep's page");
            await rep.ReloadAsync();
            await BenchBrowser.WaitForCircuitAsync(rep);
            await rep.EvaluateAsync(RepScript);
            return ([-1], 0, -1);
        }

        await Task.Delay(100);
        return (boardsAt, clickAt, ownAt);
    }
}
