using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Domain;

/// <summary>
/// Which tag an image release deploys: Argo CD Image Updater's strategy, constraint and allow/ignore annotations as
/// one policy of the application. Without one, a release deploys exactly the released tag.
/// </summary>
public sealed class ImagePolicy
{
    public UpdateStrategy Strategy { get; set; }

    /// <summary>Semver: a constraint such as <c>~1.4</c>; digest: the tag to follow (<c>latest</c>).</summary>
    public string? Constraint { get; set; }

    public string? AllowTags { get; set; }

    public List<string> IgnoreTags { get; set; } = [];

    public TagSelectionOptions ToSelectionOptions() => new()
    {
        Strategy = Strategy,
        Constraint = Constraint,
        AllowTags = AllowTags,
        IgnoreTags = [.. IgnoreTags],
    };

    /// <summary>Only what the strategy needs is read from the registry: each extra fact costs requests per tag.</summary>
    public RegistryTagDetails Details => Strategy switch
    {
        UpdateStrategy.NewestBuild => RegistryTagDetails.Created,
        UpdateStrategy.Digest => RegistryTagDetails.Digest,
        _ => RegistryTagDetails.None,
    };

    /// <summary>"semver ~1.4", "newest-build", "digest of latest", as run summaries say it.</summary>
    public override string ToString() => Strategy switch
    {
        UpdateStrategy.Semver => string.IsNullOrWhiteSpace(Constraint) ? "semver" : $"semver {Constraint.Trim()}",
        UpdateStrategy.NewestBuild => "newest-build",
        UpdateStrategy.Alphabetical => "alphabetical",
        _ => $"digest of {Constraint}",
    };

    public bool SameAs(ImagePolicy? other) =>
        other is not null && Strategy == other.Strategy && Constraint == other.Constraint && AllowTags == other.AllowTags
        && IgnoreTags.SequenceEqual(other.IgnoreTags, StringComparer.Ordinal);
}
