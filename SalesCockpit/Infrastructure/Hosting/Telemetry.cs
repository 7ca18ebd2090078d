using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Infrastructure.Hosting;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, HttpClient and the app's own <see cref="RealtimeMetrics"/>) and, when exported,
/// traces (ASP.NET Core, HttpClient, EF Core, Redis). Sent over OTLP only when <c>Telemetry:OtlpEndpoint</c> or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise nothing leaves the process.
/// </summary>
public static class Telemetry
{
    public const string Section = "Telemetry";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var appEndpoint = configuration[$"{Section}:OtlpEndpoint"];
        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exported = !string.IsNullOrWhiteSpace(appEndpoint) || !string.IsNullOrWhiteSpace(standardEndpoint);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[$"{Section}:ServiceName"] ?? "SalesCockpit"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(RealtimeMetrics.MeterName));
        if (!exported)
        {
            return services;
        }

        // Spans cost work on every request and query, so they are only made when something receives them.
        telemetry.WithTracing(tracing =>
        {
            tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation();
            if (configuration.GetValue<EventBusProvider>($"{EventBusOptions.Section}:Provider") == EventBusProvider.Redis)
            {
                tracing
                    .AddRedisInstrumentation()
                    .ConfigureRedisInstrumentation((sp, instrumentation) => _ = InstrumentWhenStartedAsync(sp.GetRequiredService<RedisTeamEventBus>(), instrumentation));
            }
        });

        if (!string.IsNullOrWhiteSpace(appEndpoint))
        {
            var protocol = configuration.GetValue($"{Section}:OtlpProtocol", OtlpExportProtocol.Grpc);
            telemetry.UseOtlpExporter(protocol, new Uri(appEndpoint));
        }
        else
        {
            // Reads the OTEL_EXPORTER_OTLP_* settings (endpoint, protocol, headers) itself.
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    // /health/live, /health/ready and the older /healthz: polled every few seconds, never interesting as spans.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health", StringComparison.Ordinal) || path == "/healthz";

    // The bus opens its connection when the host starts, which may be after the tracer provider is built.
    private static async Task InstrumentWhenStartedAsync(RedisTeamEventBus bus, StackExchangeRedisInstrumentation instrumentation) =>
        instrumentation.AddConnection(await bus.Connection.ConfigureAwait(false));
}
