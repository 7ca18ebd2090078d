using System.Globalization;
using MudBlazor;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Features.MorningPlans;

/// <summary>How plans read on screen: instants in the team's zone, time slots, and the colour and icon of each state.</summary>
public static class PlanDisplay
{
    public static string LocalTime(DateTime utcInstant, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), TeamCalendar.Zone(timeZoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Slot(TimeOnly? startsAt, TimeOnly? endsAt) => (startsAt, endsAt) switch
    {
        ({ } start, { } end) => $"{start:HH:mm}–{end:HH:mm}",
        ({ } start, null) => start.ToString("HH:mm", CultureInfo.InvariantCulture),
        (null, { } end) => "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => "",
    };

    public static string KindIcon(PlannedVisitKind kind) => kind == PlannedVisitKind.Visit ? Icons.Material.Outlined.DirectionsWalk : Icons.Material.Outlined.Phone;

    public static Color StateColor(PlanState state) => state switch
    {
        PlanState.Submitted => Color.Success,
        PlanState.SubmittedLate => Color.Warning,
        PlanState.Late => Color.Error,
        _ => Color.Default,
    };

    public static string StateIcon(PlanState state) => state switch
    {
        PlanState.Submitted => Icons.Material.Filled.CheckCircle,
        PlanState.SubmittedLate => Icons.Material.Filled.WatchLater,
        PlanState.Late => Icons.Material.Filled.Error,
        _ => Icons.Material.Outlined.HourglassEmpty,
    };

    /// <summary>A CSS modifier for the state, e.g. <c>late</c>.</summary>
    public static string StateClass(PlanState state) => state switch
    {
        PlanState.Submitted => "submitted",
        PlanState.SubmittedLate => "submitted-late",
        PlanState.Late => "late",
        _ => "pending",
    };
}
