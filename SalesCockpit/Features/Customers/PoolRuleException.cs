using Microsoft.Extensions.Localization;
using SalesCockpit.Infrastructure.Localization;

namespace SalesCockpit.Features.Customers;

/// <summary>A pool rule refused the move (capacity, cool-down, already taken...). <see cref="ReasonKey"/> names a CustomersText string.</summary>
public sealed class PoolRuleException(string reasonKey, params object[] arguments) : Exception("Refused by a pool rule: " + reasonKey)
{
    public string ReasonKey { get; } = reasonKey;

    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The reason in the viewer's language; a count in the first argument picks the singular where the language has one.</summary>
    public LocalizedString MessageIn(IStringLocalizer localizer) =>
        localizer.Counted(ReasonKey, Arguments is [int count, ..] ? count : 0, [.. Arguments]);
}
