using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>What a source knows when the rep plans <see cref="Day"/>: who plans (the viewer), where, and the team's zone.</summary>
public sealed record PlanSuggestionContext(Viewer Rep, int TeamId, DateOnly Day, DateOnly Today, string TimeZoneId)
{
    /// <summary>
    /// The last day whose commitments (agreed actions, next actions) the plan shows as coming up, so the rep can prepare
    /// before they are due.
    /// </summary>
    public DateOnly ComingUpUntil => Day.AddDays(PlanRules.ComingUpDays);
}

/// <summary>A visit or call a suggestion proposes; the rep can accept it as is or edit it first.</summary>
public sealed record SuggestedVisit(PlannedVisitKind Kind, int? CustomerId, string CustomerName, string? Purpose = null, string? ExpectedResult = null);

/// <summary>
/// Something already known that belongs in the day's plan. <see cref="Key"/> is stable across loads (e.g.
/// <c>followup:42:2026-11-26</c>): once accepted or dismissed it is not offered again for that plan. Texts are in the
/// user's language. A suggestion proposes a <see cref="Visit"/>, or a line for the goals (<see cref="Goal"/>).
/// </summary>
public sealed record PlanSuggestion(string Key, string Source, string Reason, SuggestedVisit? Visit = null, string? Goal = null, bool Urgent = false);

/// <summary>
/// A kind of thing worth suggesting when a rep starts a plan. Features add their own by registering another implementation
/// (<c>services.AddSingleton&lt;IPlanSuggestionSource, MySource&gt;()</c>); sources are asked in registration order and
/// should read through their own feature's access rules for <see cref="PlanSuggestionContext.Rep"/>.
/// </summary>
public interface IPlanSuggestionSource
{
    Task<IReadOnlyList<PlanSuggestion>> SuggestAsync(PlanSuggestionContext context, CancellationToken cancellationToken);
}

/// <summary>Asks every source and leaves out what the plan already handled: one suggestion per customer, earlier sources first.</summary>
public sealed class PlanSuggestions(IEnumerable<IPlanSuggestionSource> sources, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxSuggestions = 30;

    public async Task<IReadOnlyList<PlanSuggestion>> ForAsync(Viewer viewer, int teamId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureRepOf(teamId);
        string timeZoneId;
        HashSet<string> handled;
        HashSet<int> planned;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
            var plan = await db.Set<MorningPlan>().AsNoTracking().Include(candidate => candidate.Visits)
                .SingleOrDefaultAsync(candidate => candidate.TeamId == teamId && candidate.RepId == viewer.UserId && candidate.Day == day, cancellationToken);
            handled = [.. plan?.HandledSuggestions ?? [], .. plan?.Visits.Select(visit => visit.SuggestionKey).OfType<string>() ?? []];
            planned = [.. plan?.Visits.Where(visit => visit.RemovedAt is null).Select(visit => visit.CustomerId).OfType<int>() ?? []];
        }

        var context = new PlanSuggestionContext(viewer, teamId, day, TeamCalendar.Today(clock, timeZoneId), timeZoneId);
        List<PlanSuggestion> suggestions = [];
        foreach (var source in sources)
        {
            foreach (var suggestion in await source.SuggestAsync(context, cancellationToken))
            {
                var customerId = suggestion.Visit?.CustomerId;
                if (handled.Add(suggestion.Key) && (customerId is null || planned.Add(customerId.Value)))
                {
                    suggestions.Add(suggestion);
                }
            }
        }

        return [.. suggestions.Take(MaxSuggestions)];
    }
}
