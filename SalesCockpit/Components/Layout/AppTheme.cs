using MudBlazor;

namespace SalesCockpit.Components.Layout;

public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E8C",
            Secondary = "#E0702B",
            Tertiary = "#2E8B57",
            AppbarBackground = "#16385F",
            Background = "#F4F6F9",
            DrawerBackground = "#FFFFFF",
            Success = "#2E8B57",
            Warning = "#D98E04",
            Error = "#C0392B",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "sans-serif"],
            },
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
