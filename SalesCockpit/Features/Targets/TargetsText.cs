namespace SalesCockpit.Features.Targets;

/// <summary>Marker for the Targets feature's strings (TargetsText.resx, TargetsText.zh-CN.resx).</summary>
public sealed class TargetsText;
