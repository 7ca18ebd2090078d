namespace SalesCockpit.Features.Customers;

/// <summary>A pool rule refused the move (capacity, cool-down, already taken...). <see cref="ReasonKey"/> names a CustomersText string.</summary>
public sealed class PoolRuleException(string reasonKey, params object[] arguments) : Exception("Refused by a pool rule: " + reasonKey)
{
    public string ReasonKey { get; } = reasonKey;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
