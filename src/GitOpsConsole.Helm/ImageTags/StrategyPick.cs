using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>A strategy's answer: the winning tag (or none) and a sentence saying why it won.</summary>
internal readonly record struct StrategyPick(RegistryTag? Tag, string Why)
{
    public static StrategyPick None { get; } = new(null, string.Empty);
}
