using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>An image to publish: where it goes, how it behaves when run, and the files of its one layer.</summary>
public sealed record ImagePublication(
    string Repository,
    string Tag,
    ImageBehavior Behavior,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, byte[]>? Files = null);

/// <summary>A published image: <see cref="Reference"/> is what a values file or a pod spec names.</summary>
public sealed record PublishedImage(string Repository, string Tag, string Digest, long Size, string Reference);
