using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Localization;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>From the rep's customers: follow-ups due today or overdue, and customers about to flow back to the public pool.</summary>
public sealed class CustomerSuggestionSource(CustomerDirectory customers, IStringLocalizer<MorningPlansText> localizer) : IPlanSuggestionSource
{
    public async Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var myDay = await customers.MyDayAsync(context.Rep, context.TeamId, cancellationToken);
        var due = myDay.DueFollowUps.Select(followUp => new PlanSuggestion(
            $"followup:{followUp.CustomerId}:{Iso(followUp.Due)}",
            localizer["Suggestion_FollowUpDue"],
            followUp.DaysOverdue > 0
                ? localizer.Counted("Suggestion_Overdue", followUp.DaysOverdue, followUp.Due.ToString("m", CultureInfo.CurrentCulture), followUp.DaysOverdue)
                : localizer["Suggestion_DueToday"],
            new SuggestedVisit(PlannedVisitKind.Call, followUp.CustomerId, followUp.Name, followUp.LastNextStep),
            Urgent: followUp.DaysOverdue > 0));
        var flowingBack = myDay.FlowingBackSoon.Where(row => row.Countdown is not null).Select(row => new PlanSuggestion(
            $"flowback:{row.Id}:{Iso(row.Countdown!.On)}",
            localizer["Suggestion_FlowBack"],
            localizer.Counted("Suggestion_FlowsBackIn", row.Countdown.DaysLeft, row.Countdown.DaysLeft, row.Countdown.On.ToString("m", CultureInfo.CurrentCulture)),
            new SuggestedVisit(PlannedVisitKind.Call, row.Id, row.Name),
            Urgent: true));
        return [.. due, .. flowingBack];
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
