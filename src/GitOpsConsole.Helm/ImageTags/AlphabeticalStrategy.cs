using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>The lexically highest tag by ordinal (byte) comparison, as Go's sort.Strings orders them: suits calver tags.</summary>
internal static class AlphabeticalStrategy
{
    public static StrategyPick Pick(IReadOnlyList<RegistryTag> candidates)
    {
        var best = candidates.Count == 0 ? null : candidates.MaxBy(t => t.Name, StringComparer.Ordinal);
        return best is null ? StrategyPick.None : new StrategyPick(best, $"lexically highest of {candidates.Count} tag(s)");
    }
}
