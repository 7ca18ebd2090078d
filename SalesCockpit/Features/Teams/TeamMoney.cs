using System.Collections.Frozen;
using System.Globalization;

namespace SalesCockpit.Features.Teams;

/// <summary>
/// Amounts in the team's currency (ISO 4217, CNY unless an admin set another), written the way the viewer's language
/// writes numbers: "¥960,000" in both languages for a CNY team, "$960,000" for a USD one.
/// </summary>
public static class TeamMoney
{
    public const string DefaultCurrency = "CNY";

    // The currencies of the regions the platform knows (ICU's data), each with its shortest local symbol ("$", not "US$").
    private static readonly FrozenDictionary<string, string> SymbolByCode = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => TryRegion(culture.Name))
        .OfType<RegionInfo>()
        .Where(region => region.ISOCurrencySymbol.Length == 3)
        .GroupBy(region => region.ISOCurrencySymbol, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.Select(region => region.CurrencySymbol).OrderBy(symbol => symbol.Length).ThenBy(symbol => symbol, StringComparer.Ordinal).First(), StringComparer.Ordinal);

    /// <summary>The ISO codes an admin may choose from.</summary>
    public static IReadOnlyList<string> Currencies { get; } = [.. SymbolByCode.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string? code) => code is not null && SymbolByCode.ContainsKey(code);

    public static string Symbol(string? code) => code is not null && SymbolByCode.TryGetValue(code, out var symbol) ? symbol : SymbolByCode[DefaultCurrency];

    /// <summary>Whole units, e.g. "¥960,000".</summary>
    public static string Format(decimal amount, string? currencyCode)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currencyCode);
        return amount.ToString("C0", format);
    }

    /// <summary>Amounts stored in cents (the smallest unit).</summary>
    public static string FormatCents(long cents, string? currencyCode) => Format(cents / 100m, currencyCode);

    private static RegionInfo? TryRegion(string cultureName)
    {
        try
        {
            return new RegionInfo(cultureName);
        }
        catch (ArgumentException)
        {
            return null; // a culture without a region of its own
        }
    }
}
