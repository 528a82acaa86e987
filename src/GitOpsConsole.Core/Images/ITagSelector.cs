namespace GitOpsConsole.Core.Images;

/// <summary>
/// Picks the tag an image should move to under a policy. A port because the semver rules are Helm's (Masterminds
/// constraints) and live in the renderer's project; the engines only need the answer and its explanation.
/// </summary>
public interface ITagSelector
{
    /// <summary>The pick, or none with the reason; throws <see cref="ArgumentException"/> for an invalid constraint or pattern.</summary>
    TagSelection Select(IEnumerable<RegistryTag> tags, TagSelectionOptions options);
}
