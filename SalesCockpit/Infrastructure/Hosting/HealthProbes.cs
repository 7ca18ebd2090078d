using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesCockpit.Infrastructure.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is asked). <c>/health/ready</c>: the checks tagged
/// <see cref="ReadyTag"/> (the database; Redis when the Redis bus is configured), 503 only when one is unhealthy.
/// </summary>
public static class HealthProbes
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous();
        return endpoints;
    }

    // Descriptions only: exception details stay in the log, not in an anonymous response.
    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new ProbeReport(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(entry => entry.Key, entry => new ProbeEntry(entry.Value.Status.ToString(), entry.Value.Description, entry.Value.Duration.TotalMilliseconds))));

    public sealed record ProbeReport(string Status, double DurationMs, IReadOnlyDictionary<string, ProbeEntry> Entries);

    public sealed record ProbeEntry(string Status, string? Description, double DurationMs);
}
