namespace SalesCockpit.Features.MorningPlans.Components;

/// <summary>A planned visit or call as the form edits it.</summary>
public sealed class VisitDraft
{
    public int? Id { get; init; }

    public PlannedVisitKind Kind { get; set; }

    public bool IsProspect { get; set; }

    /// <summary>The customer picked from the rep's pool (when not a prospect).</summary>
    public CustomerOption? Customer { get; set; }

    public string? ProspectName { get; set; }

    public string? Purpose { get; set; }

    public TimeSpan? StartsAt { get; set; }

    public TimeSpan? EndsAt { get; set; }

    public string? ExpectedResult { get; set; }

    public string? SuggestionKey { get; init; }

    /// <summary>Shown with its fields open; otherwise as one line.</summary>
    public bool Editing { get; set; }

    public string DisplayName => IsProspect ? ProspectName ?? "" : Customer?.Name ?? "";

    public static VisitDraft From(PlannedVisitView visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new()
        {
            Id = visit.Id,
            Kind = visit.Kind,
            IsProspect = visit.IsProspect,
            Customer = visit.CustomerId is { } id ? new CustomerOption(id, visit.CustomerName) : null,
            ProspectName = visit.IsProspect ? visit.CustomerName : null,
            Purpose = visit.Purpose,
            StartsAt = visit.StartsAt?.ToTimeSpan(),
            EndsAt = visit.EndsAt?.ToTimeSpan(),
            ExpectedResult = visit.ExpectedResult,
            SuggestionKey = visit.SuggestionKey,
        };
    }

    public static VisitDraft From(PlanSuggestion suggestion, SuggestedVisit visit)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(visit);
        return new()
        {
            Kind = visit.Kind,
            IsProspect = visit.CustomerId is null,
            Customer = visit.CustomerId is { } id ? new CustomerOption(id, visit.CustomerName) : null,
            ProspectName = visit.CustomerId is null ? visit.CustomerName : null,
            Purpose = visit.Purpose,
            ExpectedResult = visit.ExpectedResult,
            SuggestionKey = suggestion.Key,
        };
    }

    public PlannedVisitInput ToInput() => new(
        Id,
        Kind,
        IsProspect ? null : Customer?.Id,
        IsProspect ? ProspectName : null,
        Purpose,
        StartsAt is { } start ? TimeOnly.FromTimeSpan(start) : null,
        EndsAt is { } end ? TimeOnly.FromTimeSpan(end) : null,
        ExpectedResult,
        SuggestionKey);
}

/// <summary>A customer of the rep's pool, as the picker offers it.</summary>
public sealed record CustomerOption(int Id, string Name)
{
    public override string ToString() => Name;
}
