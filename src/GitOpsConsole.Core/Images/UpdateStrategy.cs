namespace GitOpsConsole.Core.Images;

/// <summary>How the update target is picked among an image's tags (Argo CD Image Updater's strategies).</summary>
public enum UpdateStrategy
{
    /// <summary>Highest semantic version, optionally within a constraint.</summary>
    Semver,

    /// <summary>Most recently built image (creation time), ties broken by the lexically highest tag.</summary>
    NewestBuild,

    /// <summary>Lexically highest tag (calver and similar sortable schemes).</summary>
    Alphabetical,

    /// <summary>Follow one mutable tag by the digest it currently points to.</summary>
    Digest,
}

/// <summary>Parses strategy names as Argo CD Image Updater writes them, deprecated aliases included.</summary>
public static class UpdateStrategies
{
    public static UpdateStrategy Parse(string name) => name?.Trim().ToUpperInvariant() switch
    {
        "SEMVER" => UpdateStrategy.Semver,
        "NEWEST-BUILD" or "LATEST" => UpdateStrategy.NewestBuild,
        "ALPHABETICAL" or "NAME" => UpdateStrategy.Alphabetical,
        "DIGEST" => UpdateStrategy.Digest,
        _ => throw new ArgumentException($"unknown update strategy '{name}'; use semver, newest-build, alphabetical or digest", nameof(name)),
    };
}
