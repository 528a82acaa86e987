using System.Globalization;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// How an image's runtime behaviour travels inside it: as labels of the OCI image config, where a
/// real image keeps metadata, so any client reading the config blob sees it.
/// </summary>
public static class ImageBehaviorLabels
{
    public const string Runtime = "io.gitops-console.sandbox.runtime";
    public const string StartupSeconds = "io.gitops-console.sandbox.startup-seconds";

    public static void Write(ImageBehavior behavior, IDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        ArgumentNullException.ThrowIfNull(labels);
        labels[Runtime] = behavior.Runtime.ToString().ToLowerInvariant();
        labels[StartupSeconds] = behavior.StartupTime.TotalSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The behaviour the labels declare; an image without them just starts at once.</summary>
    public static ImageBehavior Read(IReadOnlyDictionary<string, string>? labels)
    {
        var runtime = labels?.GetValueOrDefault(Runtime) is { } text && Enum.TryParse<ImageRuntime>(text, ignoreCase: true, out var parsed)
            ? parsed
            : ImageRuntime.Starts;
        var seconds = labels?.GetValueOrDefault(StartupSeconds) is { } secondsText
            && double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : 0;
        return new ImageBehavior(runtime, TimeSpan.FromSeconds(seconds));
    }
}
