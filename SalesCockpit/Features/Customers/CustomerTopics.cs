namespace SalesCockpit.Features.Customers;

public static class CustomerTopics
{
    /// <summary>A customer changed hands or pool: created, claimed, released, flowed back, handed over, won, lost. SubjectId: the customer (none for a batch).</summary>
    public const string Pool = "customers.pool";

    /// <summary>A customer's record changed: details, follow-ups, opportunities, checklist. SubjectId: the customer.</summary>
    public const string Record = "customers.record";

    /// <summary>The team's pool rules, persona or checklist changed.</summary>
    public const string Settings = "customers.settings";
}
