using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>
/// The most recently built image. Tags of one image share its build time; like Argo CD Image Updater the lexically
/// highest of them wins, so restrict the candidates (allow pattern) when several tags name the same build.
/// </summary>
internal static class NewestBuildStrategy
{
    public static StrategyPick Pick(IReadOnlyList<RegistryTag> candidates, ICollection<TagRejection> rejections)
    {
        RegistryTag? best = null;
        foreach (var tag in candidates)
        {
            if (tag.CreatedAt is null)
            {
                rejections.Add(new TagRejection(tag.Name, TagRejectionKind.NoCreationTime, "creation time unknown"));
                continue;
            }

            if (best is null || tag.CreatedAt > best.CreatedAt || (tag.CreatedAt == best.CreatedAt && string.CompareOrdinal(tag.Name, best.Name) > 0))
            {
                best = tag;
            }
        }

        return best is null ? StrategyPick.None
            : new StrategyPick(best, $"newest build, created {best.CreatedAt!.Value.ToUniversalTime():u}");
    }
}
