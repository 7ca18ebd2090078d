namespace SalesCockpit.Features.EveningReviews;

public static class EveningReviewTopics
{
    /// <summary>A review was submitted or edited. SubjectId: the review.</summary>
    public const string Review = "eveningreviews.review";

    /// <summary>A review was highlighted, commented, reacted to, or its help request handled. SubjectId: the review.</summary>
    public const string Feedback = "eveningreviews.feedback";

    /// <summary>The team's review-due time changed.</summary>
    public const string Settings = "eveningreviews.settings";

    /// <summary>A manager judged a stalled opportunity. SubjectId: the opportunity.</summary>
    public const string Judgments = "eveningreviews.judgments";
}
