namespace SalesCockpit.Features.RideAlongs;

/// <summary>Marker for the strings of ride-alongs (RideAlongsText.resx, RideAlongsText.zh-CN.resx).</summary>
public sealed class RideAlongsText;
