using System.Globalization;

namespace SalesCockpit.Features.Teams;

/// <summary>Dates as a team lives them: "today" is the date in the team's time zone, read from a <see cref="TimeProvider"/>.</summary>
public static class TeamCalendar
{
    private const string DayPattern = "yyyy-MM-dd";

    public static TimeZoneInfo Zone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public static bool IsKnownZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public static DateTimeOffset LocalNow(TimeProvider clock, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(timeZoneId));
    }

    public static DateOnly Today(TimeProvider clock, string timeZoneId) => DateOnly.FromDateTime(LocalNow(clock, timeZoneId).DateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in the team's zone.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var localMidnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(localMidnight))
        {
            localMidnight = localMidnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(localMidnight, zone);
    }

    /// <summary>The date in the team's zone at which a UTC instant falls.</summary>
    public static DateOnly DateOf(DateTime utcInstant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), Zone(timeZoneId)));

    /// <summary>
    /// A day as a URL carries it (?day=yyyy-MM-dd), read strictly and only within [<paramref name="min"/>, <paramref name="max"/>]:
    /// a typed or bookmarked year 1 or 9999 must never reach a page's day arrows.
    /// </summary>
    public static bool TryParseDay(string? text, DateOnly min, DateOnly max, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text?.Trim(), DayPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day >= min && day <= max)
        {
            return true;
        }

        day = default;
        return false;
    }

    public static string FormatDay(DateOnly day) => day.ToString(DayPattern, CultureInfo.InvariantCulture);
}
