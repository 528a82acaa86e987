using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>Follows one mutable tag (<c>latest</c>, <c>stage</c>) by the digest the registry reports for it now.</summary>
internal static class DigestStrategy
{
    public static StrategyPick Pick(IReadOnlyList<RegistryTag> candidates, string? followed, ICollection<TagRejection> rejections)
    {
        if (string.IsNullOrWhiteSpace(followed))
        {
            throw new ArgumentException("the digest strategy needs the tag to follow as its constraint (e.g. latest)", nameof(followed));
        }

        OciTag.ValidateTag(followed);
        RegistryTag? found = null;
        foreach (var tag in candidates)
        {
            if (tag.Name != followed)
            {
                rejections.Add(new TagRejection(tag.Name, TagRejectionKind.NotTracked, $"not the followed tag {followed}"));
            }
            else if (!OciTag.IsValidDigest(tag.Digest))
            {
                rejections.Add(new TagRejection(tag.Name, TagRejectionKind.NoDigest, tag.Digest is null ? "no digest reported" : $"digest '{tag.Digest}' is not sha256:<64 hex>"));
            }
            else
            {
                found = tag;
            }
        }

        return found is null ? StrategyPick.None : new StrategyPick(found, $"{followed} now points to {found.Digest}");
    }
}
