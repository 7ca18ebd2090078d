using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.MorningPlans;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>Actions agreed at a ride-along's debrief that are due by the plan's day come back as the rep's morning suggestions.</summary>
public sealed class AgreedActionSuggestionSource(RideAlongDebrief debrief, IStringLocalizer<RideAlongsText> localizer) : IPlanSuggestionSource
{
    public async Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actions = await debrief.AgreedActionsDueAsync(context.Rep, context.TeamId, context.Day, cancellationToken);
        return [.. actions.Select(action => new PlanSuggestion(
            $"ridealong-action:{action.Id}",
            localizer["Suggestion_AgreedAction"],
            localizer[action.Overdue ? "Suggestion_AgreedActionOverdue" : "Suggestion_AgreedActionDue", action.ManagerName, action.DueOn.ToString("M", CultureInfo.CurrentCulture)],
            new SuggestedVisit(PlannedVisitKind.Visit, action.CustomerId, action.CustomerName, Purpose: action.Text),
            Urgent: action.Overdue))];
    }
}
