using System.Text.Json.Serialization;

namespace SalesCockpit.Infrastructure.Realtime;

/// <summary>
/// Something changed in a team. Carries no user data: a subscriber reloads what the topic concerns
/// through the owning feature's service, which applies the viewer's access rules.
/// </summary>
/// <param name="TeamId">The team the change belongs to; only that team's subscribers receive it.</param>
/// <param name="Topic">What changed, named by the publishing feature (e.g. <c>teams.members</c>).</param>
/// <param name="SubjectId">The id of the changed record, when a subscriber can reload just that one.</param>
/// <param name="ActorId">Who made the change.</param>
public sealed record TeamEvent(int TeamId, string Topic, string? SubjectId = null, string? ActorId = null)
{
    public const string ResyncTopic = "realtime.resync";

    /// <summary>
    /// Raised on this server only, when events from other servers resume after a pause: any of the team's events may
    /// have been missed, so every listener reloads all it shows, whatever its topics.
    /// </summary>
    [JsonIgnore]
    public bool IsResync => Topic == ResyncTopic;

    public static TeamEvent Resync(int teamId) => new(teamId, ResyncTopic);
}
