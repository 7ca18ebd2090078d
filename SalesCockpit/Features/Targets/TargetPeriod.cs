using System.Globalization;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.Targets;

/// <summary>A calendar month or quarter as the team lives it: from its first day to the day after its last, in the team's zone.</summary>
public readonly record struct TargetPeriod(PeriodKind Kind, DateOnly Start)
{
    public DateOnly End => Kind == PeriodKind.Month ? Start.AddMonths(1) : Start.AddMonths(3);

    public DateOnly LastDay => End.AddDays(-1);

    public TargetPeriod Previous => new(Kind, Kind == PeriodKind.Month ? Start.AddMonths(-1) : Start.AddMonths(-3));

    public TargetPeriod Next => new(Kind, End);

    public int Quarter => (Start.Month - 1) / 3 + 1;

    /// <summary>"2026-11" or "2026-Q4": the period in a URL.</summary>
    public string Key => Kind == PeriodKind.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{Quarter}");

    public static TargetPeriod Containing(PeriodKind kind, DateOnly day) => kind == PeriodKind.Month
        ? new(kind, new DateOnly(day.Year, day.Month, 1))
        : new(kind, new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1));

    /// <summary>The current period of a team: the one containing today in the team's zone.</summary>
    public static TargetPeriod Current(PeriodKind kind, TimeProvider clock, string timeZoneId) =>
        Containing(kind, TeamCalendar.Today(clock, timeZoneId));

    public static bool TryParse(string? key, out TargetPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(key) || key.Length < 6 || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || key[4] != '-' || year < 2000 || year > 2999)
        {
            return false;
        }

        var rest = key.AsSpan(5);
        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
        {
            period = new TargetPeriod(PeriodKind.Quarter, new DateOnly(year, ((rest[1] - '1') * 3) + 1, 1));
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = new TargetPeriod(PeriodKind.Month, new DateOnly(year, month, 1));
            return true;
        }

        return false;
    }

    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <summary>The UTC instants between which records count for this period in the team's zone.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(string timeZoneId) =>
        (TeamCalendar.StartOfDayUtc(Start, timeZoneId), TeamCalendar.StartOfDayUtc(End, timeZoneId));

    /// <summary>This period and the ones before it, oldest first.</summary>
    public IReadOnlyList<TargetPeriod> WithPrevious(int count)
    {
        var periods = new List<TargetPeriod>();
        var period = this;
        for (var i = 0; i < count; i++)
        {
            periods.Insert(0, period);
            period = period.Previous;
        }

        return periods;
    }

    public string Label(CultureInfo culture) => Kind == PeriodKind.Month
        ? Start.ToString(culture.TwoLetterISOLanguageName == "zh" ? "yyyy年M月" : "MMMM yyyy", culture)
        : culture.TwoLetterISOLanguageName == "zh"
            ? string.Create(culture, $"{Start.Year}年第{Quarter}季度")
            : string.Create(culture, $"Q{Quarter} {Start.Year}");

    public string ShortLabel(CultureInfo culture) => Kind == PeriodKind.Month
        ? Start.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M月" : "MMM", culture)
        : string.Create(culture, $"Q{Quarter} {Start.Year % 100:00}");
}
