namespace SalesCockpit.Features.Targets;

public static class TargetTopics
{
    /// <summary>Targets of a period or the team's measures changed. SubjectId: the period key (none for measures).</summary>
    public const string Targets = "targets.targets";
}
