using Microsoft.Playwright;

namespace SalesCockpit.Benchmarks.Board;

/// <summary>Many open boards of one team: ten pages per browser context, each context a signed-in manager.</summary>
public static class BoardCircuits
{
    public const int PagesPerContext = 10;

    /// <summary>Opens <paramref name="count"/> boards, each interactive before the next opens.</summary>
    public static async Task<List<IBrowserContext>> OpenAsync(BenchBrowser browser, string boardPath, int count, List<IBrowserContext>? into = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var contexts = into ?? [];
        var open = contexts.Sum(context => context.Pages.Count);
        for (var i = 0; i < count; i++, open++)
        {
            if (open % PagesPerContext == 0)
            {
                var page = await browser.SignInAsync(DemoTeam.ManagerEmail, boardPath);
                contexts.Add(page.Context);
            }
            else
            {
                await BenchBrowser.OpenAsync(contexts[^1], boardPath);
            }
        }

        return contexts;
    }

    public static async Task CloseAsync(IEnumerable<IBrowserContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
