using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Components;
using GitOpsConsole.Web.Health;
using GitOpsConsole.Web.Ingestion;

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

        // People get the not-found page; scripts calling the API and webhooks keep the status code they earned.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/webhooks"),
            browser => browser.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseConsoleAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapWebhookEndpoints();
        app.MapEventsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
