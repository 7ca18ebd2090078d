using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Features.Teams;

public class TeamCalendarTests
{
    [Fact]
    public void TodayIsTheDateInTheTeamsTimeZoneNotUtc()
    {
        // 23:30 UTC on the 25th is already 07:30 on the 26th in Shanghai, still the 25th in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 26), TeamCalendar.Today(clock, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2026, 11, 25), TeamCalendar.Today(clock, "America/New_York"));
    }

    [Fact]
    public void DayTurnsOverAtLocalMidnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 15, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 26), TeamCalendar.Today(clock, "Asia/Shanghai"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateOnly(2026, 11, 27), TeamCalendar.Today(clock, "Asia/Shanghai"));
    }

    [Fact]
    public void StartOfDayIsLocalMidnightInUtc()
    {
        var start = TeamCalendar.StartOfDayUtc(new DateOnly(2026, 11, 26), "Asia/Shanghai");

        Assert.Equal(new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateOnly(2026, 11, 26), TeamCalendar.DateOf(start, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2026, 11, 25), TeamCalendar.DateOf(start.AddTicks(-1), "Asia/Shanghai"));
    }

    [Fact]
    public void StartOfDaySurvivesADaylightSavingGap()
    {
        // Santiago skips 00:00-01:00 on its spring-forward day; the day then starts at 01:00 local.
        var day = new DateOnly(2026, 9, 6);
        var start = TeamCalendar.StartOfDayUtc(day, "America/Santiago");

        Assert.Equal(day, TeamCalendar.DateOf(start, "America/Santiago"));
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void KnowsWhichTimeZonesExist(string? zone, bool known) => Assert.Equal(known, TeamCalendar.IsKnownZone(zone));
}
