namespace SalesCockpit.Components;

/// <summary>Marker for the shell's strings (SharedText.resx, SharedText.zh-CN.resx).</summary>
public sealed class SharedText;
