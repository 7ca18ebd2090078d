namespace SalesCockpit.Features.EveningReviews;

/// <summary>Marker for the feature's strings (EveningReviewsText.resx, EveningReviewsText.zh-CN.resx).</summary>
public sealed class EveningReviewsText;
