using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>registry.list_tags</c>: the tags of an image repository, as the registry reports them. Read-only.</summary>
public interface IRegistryTool
{
    /// <param name="image">The repository with its registry host, e.g. <c>ghcr.io/acme/shop</c> or <c>127.0.0.1:5081/catalog</c>.</param>
    /// <param name="details">What to read beyond the names: each tag costs a registry request or two, so only what a strategy needs.</param>
    Task<IReadOnlyList<RegistryTag>> ListTagsAsync(string image, RegistryTagDetails details, CancellationToken cancellationToken = default);
}

/// <summary>Per-tag facts beyond the name.</summary>
[Flags]
public enum RegistryTagDetails
{
    None = 0,
    /// <summary>The manifest digest (the digest strategy).</summary>
    Digest = 1,
    /// <summary>The image config's <c>created</c> time (the newest-build strategy).</summary>
    Created = 2,
}
