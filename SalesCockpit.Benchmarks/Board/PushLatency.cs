using System.Diagnostics;
using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>
/// One series: a rep saves follow-ups one after another while <see cref="Boards"/> boards of the team are open. Times from the
/// click: to the first-opened board (the manager's), to the last-opened one (the bus serves subscribers in the order they came, so
/// it is served last), to each board (every board of every save), to the last board of each save, to the rep's own timeline.
/// </summary>
public sealed record PushSeries(int Boards, int LightCircuits, double LightBatchesPerSave, Timings ToFirstBoard, Timings ToLastOpenedBoard, Timings ToEveryBoard, Timings ToLastBoard, Timings ToOwnTimeline, Timings HealthRoundTrip, int Missed, CpuUse CpuPerSave);

/// <summary>
/// Time from the rep's click on "save" until each board shows the follow-up in its live activity panel. Both sides stamp
/// <c>performance.timeOrigin + performance.now()</c> (one machine, one clock): the rep page on the click, every board in a
/// MutationObserver that logs each change of the feed's first line in the page. The feed shows rep, kind and customer, not the
/// text, so the rep alternates between two customers and a save has arrived when the first line names its customer.
/// The boards are read once after the series: a DevTools round trip per board and save would load the two cores at the very
/// moment being measured (about 10 ms of browser CPU per call here), so only two boards are asked, to pace the saves.
/// </summary>
public static class PushLatency
{
    private const string FollowUpContent = "textarea[data-testid=follow-up-content], [data-testid=follow-up-content] textarea";
    private static readonly TimeSpan SeriesTimeLimit = TimeSpan.FromMinutes(6);

    private const string BoardScript = """
        () => {
          const panel = document.querySelector('[data-testid=panel-activity]');
          const firstLine = () => { const first = panel.querySelector('[data-testid=activity-item]'); return first ? first.textContent : ''; };
          let last = firstLine();
          let waiters = [];
          window.benchPanel = panel;
          window.benchLog = [];
          new MutationObserver(() => {
            const text = firstLine();
            if (text === last) return;
            last = text;
            window.benchLog.push({ at: performance.timeOrigin + performance.now(), text });
            waiters = waiters.filter(check => !check());
          }).observe(panel, { childList: true, subtree: true, characterData: true });
          window.benchWait = name => new Promise(resolve => {
            const after = performance.timeOrigin + performance.now();
            const check = () => { const entry = window.benchLog.find(e => e.at > after && e.text.includes(name)); if (entry) resolve(entry.at); return !!entry; };
            waiters.push(check);
            setTimeout(() => resolve(-1), 10000);
          });
        }
        """;

    private const string ReadLogScript = "() => window.benchPanel === document.querySelector('[data-testid=panel-activity]') ? window.benchLog : null";

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

        // The same with 50 board circuits that have no browser: the server's whole work per board, not the browsers'. A board
        // on a screen opened after them is served last.
        Console.WriteLine($"Opening {extraBoards} board circuits without a browser ...");
        var cookies = new System.Net.CookieContainer();
        foreach (var cookie in await board.Context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var lightCircuits = new List<LightBoardCircuit>();
        for (var i = 0; i < extraBoards; i++)
        {
            lightCircuits.Add(await LightBoardCircuit.StartAsync(app.BaseAddress, team.BoardPath, cookies));
        }

        var lastOpened = await BenchBrowser.OpenAsync(board.Context, team.BoardPath);
        await PrepareBoardAsync(lastOpened);
        await Task.Delay(TimeSpan.FromSeconds(5));
        series.Add(await MeasureSeriesAsync(app, http, [board, lastOpened], repPages, team, saves, lightCircuits));
        foreach (var circuit in lightCircuits)
        {
            await circuit.DisposeAsync();
        }

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
    private static async Task<PushSeries> MeasureSeriesAsync(AppUnderTest app, HttpClient http, IReadOnlyList<IPage> boards, IPage[] repPages, DemoTeam team, int saves, List<LightBoardCircuit>? lightCircuits = null)
    {
        var health = await Timings.MeasureAsync(200, async () => (await http.GetAsync(new Uri("healthz", UriKind.Relative))).Dispose());
        foreach (var board in boards)
        {
            await board.EvaluateAsync("() => { window.benchLog = []; }");
        }

        lightCircuits ??= [];
        var lightBatchesBefore = lightCircuits.Sum(circuit => circuit.RenderBatches);
        var done = new List<Save>();
        var toOwnTimeline = new List<double>();
        var cpuBefore = CpuUse.Read(app.ProcessId);
        var watch = Stopwatch.StartNew();
        const int warmUps = 5;
        for (var save = 0; save < saves + warmUps && watch.Elapsed < SeriesTimeLimit; save++)
        {
            var which = save % 2;
            var customerName = team.RepCustomers[which].Name;
            var (clickAt, ownAt) = await SaveOnceAsync(boards, repPages[which], customerName, $"bench {boards.Count}/{save} {Guid.NewGuid():N}");
            done.Add(new Save(clickAt, customerName, Measured: save >= warmUps));
            if (save >= warmUps && ownAt > 0 && clickAt > 0)
            {
                toOwnTimeline.Add(ownAt - clickAt);
            }
        }

        var cpu = CpuUse.Read(app.ProcessId) - cpuBefore;
        if (lightCircuits.FirstOrDefault(circuit => circuit.Error is not null) is { } failed)
        {
            throw new InvalidOperationException("A board circuit without a browser failed: " + failed.Error);
        }

        var lightBatchesPerSave = lightCircuits.Count == 0 ? 0 : (lightCircuits.Sum(circuit => circuit.RenderBatches) - lightBatchesBefore) / (double)lightCircuits.Count / Math.Max(1, done.Count);
        var logs = new List<BoardLogEntry[]>();
        foreach (var board in boards)
        {
            logs.Add(await board.EvaluateAsync<BoardLogEntry[]?>(ReadLogScript)
                ?? throw new InvalidOperationException("A board's activity panel was replaced during the series; its log is incomplete."));
        }

        var toFirstBoard = new List<double>();
        var toLastOpenedBoard = new List<double>();
        var toEveryBoard = new List<double>();
        var toLastBoard = new List<double>();
        var missed = 0;
        for (var i = 0; i < done.Count; i++)
        {
            if (!done[i].Measured)
            {
                continue;
            }

            // The next save on the same customer bounds the search: before it, a line naming this customer is this save's.
            var bound = i + 2 < done.Count ? done[i + 2].ClickAt : double.MaxValue;
            var arrivals = logs.Select(log => log.FirstOrDefault(entry => entry.At > done[i].ClickAt && entry.At < bound && entry.Text.Contains(done[i].CustomerName, StringComparison.Ordinal))?.At).ToList();
            if (done[i].ClickAt <= 0 || arrivals.Any(at => at is null))
            {
                missed++;
                continue;
            }

            var latencies = arrivals.Select(at => at!.Value - done[i].ClickAt).ToList();
            toFirstBoard.Add(latencies[0]);
            toLastOpenedBoard.Add(latencies[^1]);
            toEveryBoard.AddRange(latencies);
            toLastBoard.Add(latencies.Max());
        }

        var attempts = Math.Max(1, done.Count);
        var result = new PushSeries(boards.Count, lightCircuits.Count, lightBatchesPerSave, new Timings(toFirstBoard), new Timings(toLastOpenedBoard), new Timings(toEveryBoard), new Timings(toLastBoard), new Timings(toOwnTimeline), health, missed,
            new CpuUse(cpu.App / attempts, cpu.Browser / attempts));
        Console.WriteLine($"  {boards.Count} boards + {lightCircuits.Count} without a browser ({lightBatchesPerSave:0.00} render batches each per save): {result.ToFirstBoard.Count} saves, first board p50 {Timings.Format(result.ToFirstBoard.Median)} p95 {Timings.Format(result.ToFirstBoard.P95)}; " +
            $"last-opened board p50 {Timings.Format(result.ToLastOpenedBoard.Median)} p95 {Timings.Format(result.ToLastOpenedBoard.P95)}; every board p50 {Timings.Format(result.ToEveryBoard.Median)} p95 {Timings.Format(result.ToEveryBoard.P95)}; last board p95 {Timings.Format(result.ToLastBoard.P95)}; missed {missed}");
        return result;
    }

    /// <summary>
    /// One save. Before the click the first- and last-opened boards are asked to report the save's arrival (the bus serves
    /// subscribers in subscription order), so the next save starts once the team's boards have had it; the others only log.
    /// </summary>
    private static async Task<(double ClickAt, double OwnAt)> SaveOnceAsync(IReadOnlyList<IPage> boards, IPage rep, string customerName, string marker)
    {
        var pacers = boards.Count == 1 ? [boards[0]] : new[] { boards[0], boards[^1] };
        var arrivals = pacers.Select(board => board.EvaluateAsync<double>("name => window.benchWait(name)", customerName)).ToList();
        await rep.EvaluateAsync("marker => window.benchArmOwn(marker)", marker);
        await rep.EvaluateAsync("() => { window.benchClickAt = 0; }");
        var content = rep.Locator(FollowUpContent).First;
        await content.FillAsync(marker);
        // MudTextField binds on change: commit the text before the click, so the click only submits.
        await content.BlurAsync();
        await rep.GetByTestId("save-follow-up").ClickAsync();
        await Task.WhenAll(arrivals);
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
            return (0, -1);
        }

        await Task.Delay(100);
        return (clickAt, ownAt);
    }

    private sealed record Save(double ClickAt, string CustomerName, bool Measured);

    // Playwright fills evaluation results through settable properties.
    private sealed class BoardLogEntry
    {
        public double At { get; set; }

        public string Text { get; set; } = "";
    }
}
