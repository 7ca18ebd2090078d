namespace SalesCockpit.Features.RideAlongs;

public static class RideAlongTopics
{
    /// <summary>A ride-along was scheduled or cancelled. SubjectId: the ride-along.</summary>
    public const string Scheduled = "ridealongs.scheduled";

    /// <summary>The rep's account, the manager's feedback or the agreed actions changed. SubjectId: the ride-along.</summary>
    public const string Debrief = "ridealongs.debrief";

    /// <summary>The manager completed a ride-along: scores, feedback and actions are final. SubjectId: the ride-along.</summary>
    public const string Completed = "ridealongs.completed";
}
