using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenTelemetry.Metrics;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Browser;

/// <summary>
/// The app's own metrics (meter <c>SalesCockpit</c>) as an OpenTelemetry exporter receives them, read with the
/// in-memory exporter from the real app while a real browser keeps a live page open.
/// </summary>
[Collection(AloneInTheProcessSuite.Name)]
public sealed class AppMetricsTests : IAsyncLifetime
{
    private readonly LockedCollection<MetricSnapshot> exported = [];
    private readonly AppHost app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public AppMetricsTests()
    {
        app = new AppHost
        {
            ConfigureTestServices = services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported)),
        };
    }

    public async Task InitializeAsync()
    {
        _ = app.BaseAddress;
        playwright = await Playwright.CreateAsync();
        browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task AnEventReachingAnOpenLivePageIsCountedTimedAndTheCircuitIsCounted()
    {
        var teamId = await EastTeamIdAsync();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "en-US" });
        var manager = await context.NewPageAsync();
        // Straight to the team page through sign-in: its circuit is the only one, and the page's listener the only subscriber.
        await manager.GotoAsync($"/teams/{teamId}");
        await manager.FillAsync("#email", "manager@demo.local");
        await manager.FillAsync("#password", DemoSeeder.DemoPassword);
        await manager.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(manager.GetByTestId("team-title")).ToContainTextAsync("East-1");
        await Condition.WaitUntilAsync(() => app.GetService<InProcessTeamEventBus>().SubscriptionCount >= 1);
        await Condition.WaitUntilAsync(() => Latest("salescockpit.circuits.open").Sum(point => point.GetSumLong()) >= 1);

        // The page re-renders its listener while it finishes its first interactive load, so an event published in that
        // moment reaches nobody: publish again until one has reached the page, and count what was published.
        var published = 0;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (Latest("salescockpit.live_page.updates", TeamTopics.Members).Sum(point => point.GetSumLong()) == 0)
            {
                await app.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(teamId, TeamTopics.Members));
                published++;
                await Task.Delay(500, timeout.Token);
            }
        }

        Assert.Equal(published, Latest("salescockpit.events.published", TeamTopics.Members).Sum(point => point.GetSumLong()));
        var latency = Latest("salescockpit.push.latency", TeamTopics.Members);
        Assert.NotEmpty(latency);
        Assert.True(latency.Sum(point => point.GetHistogramCount()) >= 1);
        Assert.True(latency.Sum(point => point.GetHistogramSum()) > 0, "a push takes time: the render runs on the circuit after the publish");
        await context.CloseAsync();
    }

    /// <summary>Collects now and returns the newest exported points of one instrument, optionally of one topic.</summary>
    private List<MetricPoint> Latest(string instrument, string? topic = null)
    {
        app.GetService<MeterProvider>().ForceFlush();
        var snapshot = exported.Snapshot().LastOrDefault(metric => metric.Name == instrument);
        return snapshot is null
            ? []
            : [.. snapshot.MetricPoints.Where(point => topic is null || HasTopic(point, topic))];
    }

    private static bool HasTopic(MetricPoint point, string topic)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "topic" && Equals(tag.Value, topic))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<int> EastTeamIdAsync()
    {
        await using var db = await app.GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Team>().Where(team => team.Name.StartsWith("East-1")).Select(team => team.Id).SingleAsync();
    }
}

/// <summary>
/// Runs after every parallel collection, with no other app host in the process. OpenTelemetry picks meters by name
/// across the whole process, so an app's <c>SalesCockpit</c> instruments share their metric streams with those of any
/// other app host alive at the time; when that host is disposed, its meter's end retires the shared streams, and what
/// this app records afterwards is never exported (the live-page update counter stayed at zero).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcessSuite
{
    public const string Name = "alone in the process";
}
