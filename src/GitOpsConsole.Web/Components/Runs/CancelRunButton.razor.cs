using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GitOpsConsole.Web.Components.Runs;

public partial class CancelRunButton
{
    private bool _busy;
    private string? _message;

    [Parameter, EditorRequired]
    public Guid RunId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private RunDispatcher Dispatcher { get; set; } = default!;

    private async Task CancelAsync()
    {
        var user = (await AuthenticationState).User;
        // The button is only shown to Operators, but the circuit is the trust boundary: check again.
        if (!(await Authorization.AuthorizeAsync(user, ConsoleRoles.CanOperate)).Succeeded)
        {
            _message = "Only Operators and Admins can cancel runs.";
            return;
        }

        _busy = true;
        try
        {
            _message = await Dispatcher.CancelAsync(RunId, user.Identity?.Name ?? "unknown user")
                ? "Cancelling…"
                : "The run had already finished.";
        }
        finally
        {
            _busy = false;
        }
    }
}
