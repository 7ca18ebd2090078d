using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Integration.GoLive;

/// <summary>Traces are made only when an OTLP endpoint is configured; then requests, EF Core and Redis are traced.</summary>
public sealed class TracingTests : IDisposable
{
    private readonly LockedCollection<Activity> spans = [];
    private readonly RedisServer redis = new();
    private readonly AppHost app;

    public TracingTests()
    {
        app = new AppHost
        {
            Settings = new Dictionary<string, string>(redis.BusSettings())
            {
                // Nothing listens there: the OTLP export fails quietly, the in-memory exporter below still receives every span.
                ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
            },
            ConfigureTestServices = services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.Configure<StackExchangeRedisInstrumentationOptions>(options => options.FlushInterval = TimeSpan.FromMilliseconds(100));
            },
        };
    }

    public void Dispose()
    {
        app.Dispose();
        redis.Dispose();
    }

    [Fact]
    public async Task WithAnEndpointRequestsDatabaseCommandsAndRedisCommandsAreTracedButNotTheProbes()
    {
        using var client = app.CreateHttpClient();
        await Condition.WaitUntilAsync(() => app.GetService<ICrossServerStatus>().IsConnected);

        await client.SignInAsync("manager@demo.local");
        await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await app.GetService<ITeamEventBus>().PublishAsync(new TeamEvent(1, "traced"));

        await Condition.WaitUntilAsync(() => FromSource("OpenTelemetry.Instrumentation.StackExchangeRedis").Count > 0, TimeSpan.FromSeconds(20));
        Assert.Contains(FromSource("Microsoft.AspNetCore"), span => span.GetTagItem("url.path") as string == "/account/login");
        Assert.DoesNotContain(FromSource("Microsoft.AspNetCore"), span => (span.GetTagItem("url.path") as string)?.StartsWith("/health", StringComparison.Ordinal) == true);
        Assert.NotEmpty(FromSource("OpenTelemetry.Instrumentation.EntityFrameworkCore"));
    }

    [Fact]
    public void WithoutAnEndpointNoSpansAreMade()
    {
        using var plain = new AppHost { SeedDemo = false };
        _ = plain.BaseAddress;

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.NotNull(plain.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    private List<Activity> FromSource(string source) => [.. spans.Snapshot().Where(span => span.Source.Name == source)];
}
