using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary><see cref="TagSelector"/> behind the Core port the engines call.</summary>
public sealed class HelmTagSelector : ITagSelector
{
    public TagSelection Select(IEnumerable<RegistryTag> tags, TagSelectionOptions options) => TagSelector.Select(tags, options);
}
