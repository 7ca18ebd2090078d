using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>Server time of GET /teams/{id}/board, prerendered: every panel loads its data during the request.</summary>
public sealed record FirstLoad(Timings Health, Timings DemoBoard, Timings YearBoard, int YearBoardBytes);

/// <summary>One SQL command of a board's load, as EF Core logged it: its time and the tables it reads.</summary>
public sealed record BoardQuery(int Milliseconds, string Tables);

public static partial class BoardFirstLoad
{
    public const int Runs = 15;

    public static async Task<FirstLoad> MeasureAsync(AppUnderTest app, BenchBrowser browser, DemoTeam demoTeam, int yearTeamId)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(demoTeam);
        using var http = await SignedInClientAsync(app, browser, demoTeam);
        var yearBoardBytes = 0;
        var health = await Timings.MeasureAsync(100, async () => (await http.GetAsync(new Uri("healthz", UriKind.Relative))).Dispose());
        var demoBoard = await Timings.MeasureAsync(Runs, () => GetBoardAsync(http, demoTeam.BoardPath));
        var yearBoard = await Timings.MeasureAsync(Runs, async () => yearBoardBytes = await GetBoardAsync(http, $"/teams/{yearTeamId}/board"));
        return new FirstLoad(health, demoBoard, yearBoard, yearBoardBytes);
    }

    /// <summary>The SQL of one warm load of the board, slowest first (the app must run with <c>logSql</c>).</summary>
    public static async Task<IReadOnlyList<BoardQuery>> ProfileAsync(AppUnderTest app, BenchBrowser browser, DemoTeam demoTeam, int yearTeamId)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var http = await SignedInClientAsync(app, browser, demoTeam);
        var path = $"/teams/{yearTeamId}/board";
        await GetBoardAsync(http, path);
        await Task.Delay(500);
        app.TakeOutput();
        await GetBoardAsync(http, path);
        await Task.Delay(500);

        var queries = new List<BoardQuery>();
        var lines = app.TakeOutput();
        for (var i = 0; i < lines.Count; i++)
        {
            var executed = ExecutedCommand().Match(lines[i]);
            if (!executed.Success)
            {
                continue;
            }

            var sql = string.Join(' ', lines.Skip(i + 1).TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal)));
            var tables = string.Join(", ", TableName().Matches(sql).Select(match => match.Groups[1].Value).Distinct());
            queries.Add(new BoardQuery(int.Parse(executed.Groups[1].Value, CultureInfo.InvariantCulture), tables));
        }

        return [.. queries.OrderByDescending(query => query.Milliseconds)];
    }

    /// <summary>A client with the manager's cookie from a real sign-in; its requests are plain HTTP (no circuit starts).</summary>
    private static async Task<HttpClient> SignedInClientAsync(AppUnderTest app, BenchBrowser browser, DemoTeam demoTeam)
    {
        var page = await browser.SignInAsync(DemoTeam.ManagerEmail, demoTeam.BoardPath);
        var cookies = await page.Context.CookiesAsync();
        await page.Context.CloseAsync();
#pragma warning disable CA2000 // The client owns the handler.
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
#pragma warning restore CA2000
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")));
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        return http;
    }

    private static async Task<int> GetBoardAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (!body.Contains("data-testid=\"panel-activity\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} answered without the board's panels.");
        }

        return body.Length;
    }

    [GeneratedRegex(@"Executed DbCommand \((\d+)ms\)")]
    private static partial Regex ExecutedCommand();

    [GeneratedRegex("""(?:FROM|JOIN) "(\w+)" """)]
    private static partial Regex TableName();
}
