namespace SalesCockpit.Features.MorningPlans;

/// <summary>Marker for the strings of morning plans and the stand-up screen (MorningPlansText.resx, MorningPlansText.zh-CN.resx).</summary>
public sealed class MorningPlansText;
