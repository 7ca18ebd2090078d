using Microsoft.Extensions.Localization;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

public static class CustomerEndpoints
{
    /// <summary><c>GET /customers/export.csv?team=&amp;scope=&amp;...</c>: the list as the page shows it, every page, as CSV.</summary>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/customers/export.csv", async (
            HttpContext context, TeamAccess access, CustomerCsv csv, IStringLocalizer<CustomersText> localizer,
            int team, CustomerScope? scope, string? search, CustomerStatus? status, PersonaFit? fit, string? owner, int? within, CustomerSort? sort, bool? desc) =>
        {
            var viewer = await access.FindViewerAsync(context.User, context.RequestAborted);
            if (viewer is null || !viewer.CanSeeTeam(team) || (scope == CustomerScope.Team && !viewer.CanManageTeam(team)))
            {
                return Results.NotFound();
            }

            var query = new CustomerQuery(team, scope ?? CustomerScope.Mine, search, status, fit, owner, within, sort ?? CustomerSort.FlowBack, desc ?? false);
            return Results.Stream(
                stream => csv.WriteCsvAsync(viewer, query, stream, localizer, context.RequestAborted),
                "text/csv; charset=utf-8",
                $"customers-{scope ?? CustomerScope.Mine}-{DateTime.UtcNow:yyyyMMdd}.csv".ToLowerInvariant());
        }).RequireAuthorization();

        endpoints.MapGet("/customers/import-template.csv", (IStringLocalizer<CustomersText> localizer) =>
        {
            var header = string.Join(',', CustomerCsv.ImportColumns.Select(column => CustomerCsv.Quote(localizer["Csv_" + column])));
            var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(header + "\r\n")).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", "customers-template.csv");
        }).RequireAuthorization();
        return endpoints;
    }
}
