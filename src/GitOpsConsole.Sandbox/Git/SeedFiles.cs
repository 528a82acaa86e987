using System.Reflection;
using System.Text;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// The seed application's files, embedded under Seed/ with their relative paths as resource names,
/// with placeholders (__APP_NAME__ etc.) filled for one application.
/// </summary>
internal static class SeedFiles
{
    private const string Prefix = "Seed/";

    public static IReadOnlyList<(string Path, string Content)> Render(SeedApplication app, string imageRepository, string imageTag)
    {
        var assembly = typeof(SeedFiles).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[Prefix.Length..], Fill(Read(assembly, name), app, imageRepository, imageTag)))];
    }

    public static bool IsExecutable(string path) => path.EndsWith(".sh", StringComparison.Ordinal);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded seed file '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Fill(string text, SeedApplication app, string imageRepository, string imageTag) => text
        .Replace("__APP_NAME__", app.Name, StringComparison.Ordinal)
        .Replace("__DESCRIPTION__", app.Description, StringComparison.Ordinal)
        .Replace("__REPLICAS__", app.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("__SERVICE_PORT__", app.ServicePort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("__IMAGE_REPOSITORY__", imageRepository, StringComparison.Ordinal)
        .Replace("__IMAGE_TAG__", imageTag, StringComparison.Ordinal);
}
