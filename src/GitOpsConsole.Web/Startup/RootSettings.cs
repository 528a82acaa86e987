using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace GitOpsConsole.Web.Startup;

internal static class RootSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The README command runs from the repository root, whose appsettings.json is the product's
    /// configuration. Started from anywhere else, the copy next to the binary stands in for it, at
    /// the same (lowest) precedence so environment variables and arguments still win.
    /// </summary>
    public static void AddRootSettingsFallback(this WebApplicationBuilder builder)
    {
        var inContentRoot = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        var besideBinary = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(inContentRoot) && File.Exists(besideBinary))
        {
            var sources = builder.Configuration.Sources;
            var first = sources.OfType<JsonConfigurationSource>().FirstOrDefault();
            var index = first is null ? 0 : sources.IndexOf(first);
            sources.Insert(index, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = false,
                ReloadOnChange = false,
            });
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
