using Microsoft.Extensions.Localization;

namespace SalesCockpit.Infrastructure.Localization;

/// <summary>
/// English says "1 customer" but "2 customers"; Chinese has one form. A message with a count has a "<c>&lt;key&gt;_One</c>"
/// entry in both resource files (the same text in Chinese), used when the count is exactly one.
/// </summary>
public static class CountedText
{
    public const string OneSuffix = "_One";

    public static LocalizedString Counted(this IStringLocalizer localizer, string key, int count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (count == 1 && localizer[key + OneSuffix, arguments] is { ResourceNotFound: false } one)
        {
            return one;
        }

        return localizer[key, arguments];
    }
}
