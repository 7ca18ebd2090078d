using Microsoft.EntityFrameworkCore;

namespace SalesCockpit.Infrastructure.Data;

public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IDbContextFactory<AppDbContext> dbFactory, DatabaseOptions options, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var version = await DatabaseInitializer.ReadEngineVersionAsync(db, options.Provider, cancellationToken);
                return Results.Ok(new HealthReport("healthy", options.Provider.ToString(), version));
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                return Results.Json(new HealthReport("unhealthy", options.Provider.ToString(), null), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }

    public sealed record HealthReport(string Status, string Provider, string? EngineVersion);
}
