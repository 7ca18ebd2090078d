namespace SalesCockpit.Features.MorningPlans;

public static class MorningPlanTopics
{
    /// <summary>A plan was saved, submitted, edited or locked. SubjectId: the plan.</summary>
    public const string Plan = "morningplans.plan";

    /// <summary>A manager commented on a plan. SubjectId: the plan.</summary>
    public const string Comments = "morningplans.comments";

    /// <summary>A manager marked or unmarked a planned visit as a ride-along they will join. SubjectId: the plan.</summary>
    public const string RideAlongMarks = "morningplans.ridealong-marks";

    /// <summary>The team's daily expectations or plan-due time changed.</summary>
    public const string Settings = "morningplans.settings";
}
