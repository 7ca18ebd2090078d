using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.MorningPlans;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>
/// Actions agreed at a ride-along's debrief come back as the rep's morning suggestions: those due by the plan's day, and
/// those coming up in the next few days so the rep can prepare.
/// </summary>
public sealed class AgreedActionSuggestionSource(RideAlongDebrief debrief, IStringLocalizer<RideAlongsText> localizer) : IPlanSuggestionSource
{
    public async Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actions = await debrief.AgreedActionsDueAsync(context.Rep, context.TeamId, context.Day, context.ComingUpUntil, cancellationToken);
        return [.. actions.Select(action => new PlanSuggestion(
            $"ridealong-action:{action.Id}",
            localizer["Suggestion_AgreedAction"],
            localizer[
                action.Overdue ? "Suggestion_AgreedActionOverdue" : action.DueOn > context.Day ? "Suggestion_AgreedActionComingUp" : "Suggestion_AgreedActionDue",
                action.ManagerName,
                action.DueOn.ToString("M", CultureInfo.CurrentCulture)],
            new SuggestedVisit(PlannedVisitKind.Visit, action.CustomerId, action.CustomerName, Purpose: action.Text),
            Urgent: action.Overdue))];
    }
}
