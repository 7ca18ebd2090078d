using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.MorningPlans;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>
/// From the manager's judgments on stalled deals: the rep's next actions not done yet, due by the planned day or coming up
/// in the next few days.
/// </summary>
public sealed class JudgmentSuggestionSource(JudgmentService judgments, IStringLocalizer<EveningReviewsText> localizer) : IPlanSuggestionSource
{
    public async Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = await judgments.OpenActionsForAsync(context.Rep, context.TeamId, context.ComingUpUntil, cancellationToken);
        return [.. open.OrderBy(row => row.Judgment.NextActionOn).Select(row => new PlanSuggestion(
            $"judgment:{row.Judgment.Id}:{row.Judgment.NextActionOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            localizer["Suggestion_Judgment"],
            localizer[row.Judgment.NextActionOn > context.Day ? "Suggestion_JudgmentComingUp" : "Suggestion_JudgmentDue", row.Judgment.NextActionOn.ToString("m", CultureInfo.CurrentCulture)],
            new SuggestedVisit(PlannedVisitKind.Visit, row.Judgment.CustomerId, row.CustomerName, row.Judgment.NextAction),
            Urgent: row.Judgment.NextActionOn < context.Today))];
    }
}
