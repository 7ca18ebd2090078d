using System.Net;
using System.Text.Json;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

[Collection(PublishedAppSuite.Name)]
public class JsonLogTests(PublishedApp published)
{
    [SqliteFact]
    public async Task WithTheJsonFormatterSettingEveryConsoleLineIsAJsonLogEntry()
    {
        var data = published.NewDataFolder();
        await using var app = await published.StartAsync(data, new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        var entries = app.LogLines().Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.True(entry.TryGetProperty("LogLevel", out _), entry.ToString());
            Assert.True(entry.TryGetProperty("Category", out _), entry.ToString());
        });
        Assert.Contains(entries, entry => entry.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && entry.GetProperty("Message").GetString()!.StartsWith("Now listening on: http://127.0.0.1:", StringComparison.Ordinal));
    }
}
