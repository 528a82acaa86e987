using Microsoft.Extensions.FileProviders;

namespace GitOpsConsole.Web.Startup;

internal static class ConsoleAssets
{
    public const string FolderName = "wwwroot-assets";

    /// <summary>
    /// Serves the repository's top-level <c>wwwroot-assets/</c> (copied beside the binary at build),
    /// ahead of authentication so the sign-in page has its styles.
    /// </summary>
    public static void UseConsoleAssets(this WebApplication app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, FolderName)),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=300",
        });
}
