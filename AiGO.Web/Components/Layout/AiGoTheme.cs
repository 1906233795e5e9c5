using MudBlazor;

namespace AiGO.Web.Components.Layout;

/// <summary>AiGO's colours; each text colour keeps a WCAG AA contrast ratio on its background.</summary>
public static class AiGoTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#0f766e",
            Tertiary = "#7a3e9d",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2933",
            Background = "#f7f9fc",
            TextPrimary = "#1f2933",
            TextSecondary = "#4a5561",
            Error = "#b3261e",
            Success = "#1b6e34",
            Warning = "#8a5300",
            Info = "#0b4f8a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans TC", "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", "sans-serif"],
            },
            // Labels are written as the manual writes them (關於AiGO, AI HUB, 匯出Excel): MudBlazor's default would upper-case them.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
