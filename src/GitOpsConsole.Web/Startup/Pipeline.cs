using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Components;
using GitOpsConsole.Web.Health;

namespace GitOpsConsole.Web.Startup;

internal static class Pipeline
{
    public static void UseGitOpsConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // No stack traces reach the browser: failures re-execute the error page.
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseConsoleAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
