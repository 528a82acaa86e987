using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>
/// What may be written where a chart expects an image tag: a tag, <c>tag@sha256:…</c> (pinned, still readable) or a
/// bare <c>sha256:…</c> digest. Anything else is refused before the file is touched.
/// </summary>
public static class ImageTagValue
{
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? OciTag.IsValidTag(value) || OciTag.IsValidDigest(value)
            : OciTag.IsValidTag(value[..at]) && OciTag.IsValidDigest(value[(at + 1)..]);
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the tag or digest rule that <paramref name="value"/> breaks.</summary>
    public static string Validate(string? value)
    {
        if (IsValid(value))
        {
            return value!;
        }

        var at = value?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at >= 0)
        {
            OciTag.ValidateTag(value![..at]);
            OciTag.ValidateDigest(value[(at + 1)..]);
        }

        return value?.StartsWith("sha256:", StringComparison.Ordinal) == true ? OciTag.ValidateDigest(value) : OciTag.ValidateTag(value);
    }
}
