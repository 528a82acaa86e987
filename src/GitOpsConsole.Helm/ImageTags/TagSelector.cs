using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>
/// Picks the tag an image should be updated to, the way Argo CD Image Updater does: filter by grammar, allow and ignore
/// patterns, then apply the strategy. Pure: the caller lists the tags (and their build times or digests) first.
/// </summary>
public static class TagSelector
{
    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with the constraint, a pattern or the followed tag.</summary>
    public static void Validate(TagSelectionOptions options) => Select([], options);

    public static TagSelection Select(IEnumerable<RegistryTag> tags, TagSelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(options);
        var all = tags.ToList();
        var filter = new TagFilter(options);
        var rejections = new List<TagRejection>();
        var candidates = all.Where(t => filter.Admits(t, rejections)).ToList();
        var pick = options.Strategy switch
        {
            UpdateStrategy.Semver => SemverStrategy.Pick(candidates, options.Constraint, rejections),
            UpdateStrategy.NewestBuild => NewestBuildStrategy.Pick(candidates, rejections),
            UpdateStrategy.Alphabetical => AlphabeticalStrategy.Pick(candidates),
            UpdateStrategy.Digest => DigestStrategy.Pick(candidates, options.Constraint, rejections),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "unknown update strategy"),
        };

        if (pick.Tag is not { } winner)
        {
            return new TagSelection(null, null, RejectionSummary.NoCandidate(all.Count, Describe(options), rejections), rejections);
        }

        return new TagSelection(winner, ValueFor(winner, options), $"{winner.Name}: {pick.Why}", rejections);
    }

    private static string ValueFor(RegistryTag tag, TagSelectionOptions options) =>
        options.Strategy != UpdateStrategy.Digest ? tag.Name
        : options.DigestFormat == DigestValueFormat.DigestOnly ? tag.Digest! : $"{tag.Name}@{tag.Digest}";

    private static string Describe(TagSelectionOptions options) => options.Strategy switch
    {
        UpdateStrategy.Semver => string.IsNullOrWhiteSpace(options.Constraint) ? "semver" : $"semver {options.Constraint.Trim()}",
        UpdateStrategy.NewestBuild => "newest-build",
        UpdateStrategy.Alphabetical => "alphabetical",
        _ => $"digest of {options.Constraint}",
    };
}
