using System.Globalization;

namespace SalesCockpit.Features.EveningReviews;

/// <summary>The share-out board's day in its URL (?day=yyyy-MM-dd): what a person typed or bookmarked, read strictly.</summary>
public static class ShareOutDays
{
    private const string Pattern = "yyyy-MM-dd";

    /// <summary>The day asked for; null with no error for none, null with an error key for text that is not a date.</summary>
    public static (DateOnly? Day, string? ErrorKey) Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : DateOnly.TryParseExact(text.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (day, null)
        : (null, "ShareOut_DayInvalid");

    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);
}
