using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

public static class RideAlongEndpoints
{
    public static string NotebookPath(int rideAlongId) => $"ride-alongs/{rideAlongId}/notebook";

    /// <summary>
    /// <c>POST /ride-alongs/{id}/notebook</c>: what the notebook still had queued when its page was hidden or closed, sent
    /// with <c>fetch(..., { keepalive: true })</c> as a form (so the antiforgery check applies) whose <c>changes</c> field is the
    /// queue's JSON. The same save as over the circuit: same access, rules and idempotency.
    /// </summary>
    public static IEndpointRouteBuilder MapRideAlongEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/ride-alongs/{id:int}/notebook", async (int id, [FromForm] string changes, HttpContext context, TeamAccess access, RideAlongNotebook notebook) =>
        {
            QueuedChange[]? queued;
            try
            {
                queued = JsonSerializer.Deserialize<QueuedChange[]>(changes, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            var viewer = await access.FindViewerAsync(context.User, context.RequestAborted);
            if (viewer is null || queued is null)
            {
                return viewer is null ? Results.NotFound() : Results.BadRequest();
            }

            try
            {
                return Results.Ok(await notebook.SaveAsync(viewer, id, [.. queued.Select(change => change.ToChange())], context.RequestAborted));
            }
            catch (TeamAccessDeniedException)
            {
                return Results.NotFound();
            }
            catch (ConcurrentEditException)
            {
                return Results.Conflict();
            }
        }).RequireAuthorization();
        return endpoints;
    }
}
