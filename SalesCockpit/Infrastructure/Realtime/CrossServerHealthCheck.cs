using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>
/// Readiness of the Redis bus, read from the bus's own connection. Without Redis each server's pages stay live, so an
/// outage degrades the server (updates from other servers pause) rather than taking it out of the load balancer.
/// </summary>
internal sealed class CrossServerHealthCheck(ICrossServerStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsConnected
            ? HealthCheckResult.Healthy("Redis reachable: updates from other servers arrive")
            : new HealthCheckResult(context.Registration.FailureStatus, "Redis unreachable: updates from other servers are paused"));
}
