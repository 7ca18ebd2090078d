using System.Net;
using System.Net.Http.Json;
using SalesCockpit.Infrastructure.Hosting;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

[Collection(DemoAppSuite.Name)]
public class HealthProbeTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task LiveAnswersAnonymouslyWithoutAskingAnyDependency()
    {
        using var client = fixture.App.CreateHttpClient();

        var (status, report) = await ProbeAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public async Task ReadyChecksTheDatabaseAndNoRedisWhenTheBusIsInProcess()
    {
        using var client = fixture.App.CreateHttpClient();

        var (status, report) = await ProbeAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        Assert.Equal(["database"], report.Entries.Keys);
        Assert.Equal("Healthy", report.Entries["database"].Status);
    }

    [Fact]
    public async Task TheOlderHealthzAddressStillAnswers()
    {
        using var client = fixture.App.CreateHttpClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<(HttpStatusCode Status, HealthProbes.ProbeReport Report)> ProbeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<HealthProbes.ProbeReport>())!);
    }
}

/// <summary>Readiness with the Redis bus, against a real redis-server that the test stops and starts.</summary>
public sealed class RedisHealthProbeTests : IDisposable
{
    private readonly RedisServer redis = new();
    private readonly AppHost app;

    public RedisHealthProbeTests()
    {
        app = new AppHost
        {
            SeedDemo = false,
            Settings = redis.BusSettings(),
        };
    }

    public void Dispose()
    {
        app.Dispose();
        redis.Dispose();
    }

    [Fact]
    public async Task ReadyReportsRedisDegradedNotDownWhileRedisIsStoppedAndHealthyOnceItReturns()
    {
        using var client = app.CreateHttpClient();
        var status = app.GetService<ICrossServerStatus>();
        await Condition.WaitUntilAsync(() => status.IsConnected);
        var (upStatus, up) = await HealthProbeTests.ProbeAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, upStatus);
        Assert.Equal("Healthy", up.Entries["redis"].Status);

        redis.Stop();
        await Condition.WaitUntilAsync(() => !status.IsConnected);
        var (downStatus, down) = await HealthProbeTests.ProbeAsync(client, "/health/ready");
        var (liveStatus, _) = await HealthProbeTests.ProbeAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, downStatus);
        Assert.Equal("Degraded", down.Status);
        Assert.Equal("Degraded", down.Entries["redis"].Status);
        Assert.Contains("paused", down.Entries["redis"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", down.Entries["database"].Status);
        Assert.Equal(HttpStatusCode.OK, liveStatus);

        redis.Start();
        await Condition.WaitUntilAsync(() => status.IsConnected, TimeSpan.FromSeconds(30));
        var (_, back) = await HealthProbeTests.ProbeAsync(client, "/health/ready");
        Assert.Equal("Healthy", back.Status);
    }
}
