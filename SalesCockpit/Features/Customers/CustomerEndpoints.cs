using System.Text;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Customers;

public static class CustomerEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /customers/export.{csv|xlsx}?team=&amp;scope=&amp;...</c>: the list as the page shows it, every page;
    /// <c>GET /customers/follow-ups.{csv|xlsx}?team=&amp;from=&amp;to=</c>: the follow-ups of a period.
    /// </summary>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/customers/export.{format:regex(^(csv|xlsx)$)}", async (
            HttpContext context, TeamAccess access, CustomerExport export, IStringLocalizer<CustomersText> localizer, string format,
            int team, CustomerScope? scope, string? search, CustomerStatus? status, PersonaFit? fit, string? owner, int? within, CustomerSort? sort, bool? desc) =>
        {
            var viewer = await access.FindViewerAsync(context.User, context.RequestAborted);
            if (viewer is null || !viewer.CanSeeTeam(team) || (scope == CustomerScope.Team && !viewer.CanManageTeam(team)))
            {
                return Results.NotFound();
            }

            var query = new CustomerQuery(team, scope ?? CustomerScope.Mine, search, status, fit, owner, within, sort ?? CustomerSort.FlowBack, desc ?? false);
            var table = await export.CustomersAsync(viewer, query, localizer, context.RequestAborted);
            return Download(table, format, context.RequestAborted);
        }).RequireAuthorization();

        endpoints.MapGet("/customers/follow-ups.{format:regex(^(csv|xlsx)$)}", async (
            HttpContext context, TeamAccess access, CustomerExport export, IStringLocalizer<CustomersText> localizer, string format, int team, DateOnly from, DateOnly to) =>
        {
            var viewer = await access.FindViewerAsync(context.User, context.RequestAborted);
            if (viewer is null || !viewer.CanSeeTeam(team))
            {
                return Results.NotFound();
            }

            if (!CustomerExport.IsFollowUpPeriod(from, to))
            {
                return Results.BadRequest(localizer["Export_BadPeriod", CustomerExport.MaxFollowUpDays].Value);
            }

            var table = await export.FollowUpsAsync(viewer, team, from, to, localizer, context.RequestAborted);
            return Download(table, format, context.RequestAborted);
        }).RequireAuthorization();

        endpoints.MapGet("/customers/import-template.csv", (IStringLocalizer<CustomersText> localizer) =>
        {
            var header = string.Join(',', ImportVocabulary.Columns.Select(column => localizer["Csv_" + column].Value));
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(header + "\r\n")).ToArray();
            return Results.File(bytes, CsvType, "customers-template.csv");
        }).RequireAuthorization();
        return endpoints;
    }

    private static IResult Download(ExportTable table, string format, CancellationToken cancellationToken) => format == "xlsx"
        ? Results.Stream(stream => CustomerExport.WriteWorkbookAsync(table, stream, cancellationToken), WorkbookType, table.FileStem + ".xlsx")
        : Results.Stream(stream => CustomerExport.WriteCsvAsync(table, stream, cancellationToken), CsvType, table.FileStem + ".csv");
}
