using System.Net.Http.Headers;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>Server time of GET /teams/{id}/board, prerendered: every panel loads its data during the request.</summary>
public sealed record FirstLoad(Timings Health, Timings DemoBoard, Timings YearBoard, int YearBoardBytes);

public static class BoardFirstLoad
{
    public const int Runs = 15;

    public static async Task<FirstLoad> MeasureAsync(AppUnderTest app, BenchBrowser browser, DemoTeam demoTeam, int yearTeamId)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(demoTeam);

        // The manager's cookie from a real sign-in; the requests themselves are plain HTTP (no circuit is started).
        var page = await browser.SignInAsync(DemoTeam.ManagerEmail, demoTeam.BoardPath);
        var cookies = await page.Context.CookiesAsync();
        await page.Context.CloseAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")));
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        var yearBoardBytes = 0;
        async Task GetBoardAsync(string path)
        {
            using var response = await http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStringAsync();
            if (!body.Contains("data-testid=\"panel-activity\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered without the board's panels.");
            }

            yearBoardBytes = body.Length;
        }

        var health = await Timings.MeasureAsync(100, async () => (await http.GetAsync(new Uri("healthz", UriKind.Relative))).Dispose());
        var demoBoard = await Timings.MeasureAsync(Runs, () => GetBoardAsync(demoTeam.BoardPath));
        var yearBoard = await Timings.MeasureAsync(Runs, () => GetBoardAsync($"/teams/{yearTeamId}/board"));
        return new FirstLoad(health, demoBoard, yearBoard, yearBoardBytes);
    }
}
