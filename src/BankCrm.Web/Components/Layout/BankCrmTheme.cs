using MudBlazor;

namespace BankCrm.Web.Components.Layout;

public static class BankCrmTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E79",
            Secondary = "#B8860B",
            AppbarBackground = "#1F4E79",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Roboto", "sans-serif"],
            },

            // Chinese has no capitals; in English, upper-case buttons and tabs would shout.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
