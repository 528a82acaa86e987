using System.ComponentModel.DataAnnotations;
using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Pages.Account;

public partial class SignIn
{
    private string? _message;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SignInInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private PasswordSignIn SignInService { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        Input ??= new SignInInput();
        // With sign-in turned off (LocalTrust) there is nothing to do here.
        if (HttpMethods.IsGet(HttpContext.Request.Method) && HttpContext.User.Identity?.IsAuthenticated == true)
        {
            Navigation.NavigateTo(SafeReturnUrl, forceLoad: true);
        }
    }

    private string SafeReturnUrl =>
        ReturnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    private async Task SignInAsync()
    {
        var outcome = await SignInService.SignInAsync(HttpContext, Input.UserName, Input.Password, Input.RememberMe);
        switch (outcome.Kind)
        {
            case SignInResultKind.SignedIn:
                Navigation.NavigateTo(SafeReturnUrl, forceLoad: true);
                break;
            case SignInResultKind.LockedOut:
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                _message = $"Too many failed sign-ins. Try again in {Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)} seconds.";
                break;
            default:
                _message = "The user name or password is wrong.";
                break;
        }
    }

    private sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your user name.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
