namespace SalesCockpit.Features.Targets;

/// <summary>Working days are Monday to Friday (public holidays are not modelled yet).</summary>
public sealed class WorkingCalendar
{
    public static WorkingCalendar MondayToFriday { get; } = new();

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Working days from <paramref name="first"/> to <paramref name="last"/>, both included; 0 when last is before first.</summary>
    public int Count(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return 0;
        }

        var days = last.DayNumber - first.DayNumber + 1;
        var count = days / 7 * 5;
        for (var day = first.AddDays(days / 7 * 7); day <= last; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The working day before <paramref name="day"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly day)
    {
        var previous = day.AddDays(-1);
        while (!IsWorkingDay(previous))
        {
            previous = previous.AddDays(-1);
        }

        return previous;
    }
}
