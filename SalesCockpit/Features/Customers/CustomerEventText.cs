using Microsoft.Extensions.Localization;

namespace SalesCockpit.Features.Customers;

/// <summary>One sentence per customer event, with its names filled in, wherever events are shown (timeline, team activity).</summary>
public static class CustomerEventText
{
    public static string Describe(IStringLocalizer<CustomersText> text, CustomerEventKind kind, string? fromName, string? toName, string? detail)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind switch
        {
            CustomerEventKind.StatusChanged => text["Event_StatusChanged", text["Status_" + detail]],
            CustomerEventKind.HandedOver => text["Event_HandedOver", fromName ?? "?", toName ?? text["PublicPool"]],
            CustomerEventKind.FlowedBack or CustomerEventKind.Released or CustomerEventKind.Lost => text["Event_" + kind, fromName ?? "?"],
            CustomerEventKind.OpportunityStageChanged when OpportunityStageChange.FromDetail(detail) is { } change =>
                text["Event_OpportunityStageMoved", change.Title, text["OppStage_" + change.From], text["OppStage_" + change.To]],
            CustomerEventKind.OpportunityAdded or CustomerEventKind.OpportunityStageChanged => text["Event_" + kind, detail ?? ""],
            _ => text["Event_" + kind],
        };
    }
}
