namespace SalesCockpit.Infrastructure.Data;

/// <summary>
/// The bare <c>--seed-demo</c> command-line switch. Left in the arguments, the configuration would read
/// <c>--seed-demo --Database:Provider Postgres</c> as <c>seed-demo=--Database:Provider</c> and lose the setting,
/// so the switch is taken out before the configuration sees the arguments.
/// </summary>
public static class SeedDemoSwitch
{
    public const string Name = "--seed-demo";

    public static string[] Remove(string[] args, out bool present)
    {
        ArgumentNullException.ThrowIfNull(args);
        present = args.Contains(Name, StringComparer.OrdinalIgnoreCase);
        return [.. args.Where(arg => !string.Equals(arg, Name, StringComparison.OrdinalIgnoreCase))];
    }
}
