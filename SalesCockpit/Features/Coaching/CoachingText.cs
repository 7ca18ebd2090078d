namespace SalesCockpit.Features.Coaching;

/// <summary>Marker for the strings of the coaching ladder and the team's skills (CoachingText.resx, CoachingText.zh-CN.resx).</summary>
public sealed class CoachingText;
