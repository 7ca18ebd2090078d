using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Targets;

/// <summary>How target numbers read on screen: revenue in the team's currency, counts as counts, attainment as a whole percentage.</summary>
public static class TargetFormat
{
    public static string Value(TargetMeasure measure, long value, string currencyCode) =>
        measure == TargetMeasure.Revenue ? TeamMoney.FormatCents(value, currencyCode) : value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Value(TargetMeasure measure, decimal value, string currencyCode) =>
        Value(measure, (long)Math.Round(value, MidpointRounding.AwayFromZero), currencyCode);

    public static string Percent(decimal? share) =>
        share is { } value ? (value * 100).ToString("N0", CultureInfo.CurrentCulture) + "%" : "–";

    public static string Measure(IStringLocalizer localizer, TargetMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["Measure_" + measure];
    }

    /// <summary>Yuan typed by a person, as cents; an absurd amount stays absurd so that validation names it.</summary>
    public static long? ToCents(decimal? yuan) =>
        yuan is null ? null : yuan > TargetRules.MaxRevenueCents / 100 ? TargetRules.MaxRevenueCents + 1 : (long)Math.Round(yuan.Value * 100);

    public static decimal? ToYuan(long? cents) => cents / 100m;

    /// <summary>MudProgressLinear value (0-100) for an attainment share; capped so 130% still draws a full bar.</summary>
    public static double Bar(decimal? share) => share is { } value ? (double)Math.Clamp(value * 100, 0, 100) : 0;

    public static MudBlazor.Color Color(decimal? attainment, decimal paceShare) => attainment switch
    {
        null => MudBlazor.Color.Default,
        var value when value >= 1 || value >= paceShare => MudBlazor.Color.Success,
        var value when value >= paceShare * 0.8m => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };
}
