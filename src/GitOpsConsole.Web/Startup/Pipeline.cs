using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
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

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use((context, next) =>
        {
            // People get the not-found page; scripts calling the API and webhooks keep the status code they earned.
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/webhooks"))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });
        app.UseConsoleAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapWebhookEndpoints();
        app.MapEventsApi();
        GitOpsConsole.Web.Api.RunsApi.MapRunsApi(app);
        Scenarios.ScenarioApi.MapScenarioApi(app);
        GitOpsConsole.Web.Api.RunTraceExportApi.MapRunTraceExportApi(app);
        OpenApi.OpenApiRegistration.MapConsoleOpenApi(app);
        GitOpsConsole.Web.Api.ApiEndpoints.MapOperatorApi(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
