using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Layout;

public partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private bool _isDarkMode;

    [CascadingParameter(Name = "InitialDarkMode")]
    private bool? InitialDarkMode { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized() => _isDarkMode = InitialDarkMode ?? false;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Marks the page as live (the circuit is up), which browser tests and scripts can wait for.
            await JS.InvokeVoidAsync("gitopsConsole.markInteractive");
        }

        // A browser without a remembered choice starts from its system preference.
        if (firstRender && InitialDarkMode is null && _themeProvider is not null)
        {
            var systemDark = await _themeProvider.GetSystemDarkModeAsync();
            if (systemDark != _isDarkMode)
            {
                _isDarkMode = systemDark;
                StateHasChanged();
            }
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task SetDarkModeAsync(bool dark)
    {
        _isDarkMode = dark;
        await JS.InvokeVoidAsync("gitopsConsole.rememberTheme", dark ? "dark" : "light");
    }
}
