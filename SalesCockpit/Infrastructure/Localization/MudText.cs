namespace SalesCockpit.Infrastructure.Localization;

/// <summary>Marker for MudBlazor's own strings (pager, grid, pickers) in our two languages.</summary>
public sealed class MudText;
