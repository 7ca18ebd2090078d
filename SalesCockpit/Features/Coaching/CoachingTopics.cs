namespace SalesCockpit.Features.Coaching;

public static class CoachingTopics
{
    /// <summary>A rep moved on the ladder for a skill. SubjectId: the rep.</summary>
    public const string Ladder = "coaching.ladder";

    /// <summary>The team's skill list changed.</summary>
    public const string Skills = "coaching.skills";
}
