namespace GitOpsConsole.Sandbox.Kubernetes;

/// <summary>
/// What the simulated kubelet asks when it "pulls" an image: the sandbox registry answers with the
/// runtime behaviour the image's build declared, or null when the image does not exist.
/// </summary>
public interface IImageCatalog
{
    ImageBehavior? Find(string imageReference);
}

/// <summary>How a container started from an image behaves.</summary>
public sealed record ImageBehavior(ImageRuntime Runtime, TimeSpan StartupTime);

public enum ImageRuntime
{
    /// <summary>Starts, turns Ready after its startup time.</summary>
    Starts,
    /// <summary>Exits soon after start: CrashLoopBackOff with growing restarts and back-off.</summary>
    Crash,
    /// <summary>Keeps running but never passes readiness.</summary>
    Unready,
}
