using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Kubernetes.Bench;

/// <summary>For manual sessions: every image exists and starts, except names containing "crash", "unready" or "missing".</summary>
internal sealed class EverythingStartsCatalog : IImageCatalog
{
    public ImageBehavior? Find(string imageReference) => imageReference switch
    {
        _ when imageReference.Contains("missing", StringComparison.Ordinal) => null,
        _ when imageReference.Contains("crash", StringComparison.Ordinal) => new ImageBehavior(ImageRuntime.Crash, TimeSpan.FromSeconds(1)),
        _ when imageReference.Contains("unready", StringComparison.Ordinal) => new ImageBehavior(ImageRuntime.Unready, TimeSpan.FromSeconds(1)),
        _ => new ImageBehavior(ImageRuntime.Starts, TimeSpan.FromSeconds(3)),
    };
}
