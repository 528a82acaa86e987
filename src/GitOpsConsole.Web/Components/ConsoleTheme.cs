using MudBlazor;

namespace GitOpsConsole.Web.Components;

/// <summary>The console's palette: calm neutrals, with colour reserved for status.</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0b7285",
            AppbarBackground = "#1f2937",
            AppbarText = "#f9fafb",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            Success = "#2b8a3e",
            Warning = "#e67700",
            Error = "#c92a2a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#748ffc",
            Secondary = "#3bc9db",
            AppbarBackground = "#111827",
            Background = "#0f141c",
            Surface = "#17202b",
            DrawerBackground = "#131b25",
            Success = "#51cf66",
            Warning = "#fcc419",
            Error = "#ff6b6b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
