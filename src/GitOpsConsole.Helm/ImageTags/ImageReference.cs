using System.Text.RegularExpressions;
using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>An image to write back: repository (with optional registry host), tag and optionally the digest it pointed to.</summary>
public sealed partial record ImageReference
{
    private ImageReference(string repository, string tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    public string Repository { get; }

    public string Tag { get; }

    public string? Digest { get; }

    /// <summary><c>tag</c>, or <c>tag@sha256:…</c> when a digest pins it (what a chart's <c>image.tag</c> can carry).</summary>
    public string TagWithDigest => Digest is null ? Tag : $"{Tag}@{Digest}";

    /// <summary><c>repository:tag</c>, with <c>@sha256:…</c> appended when a digest pins it.</summary>
    public override string ToString() => $"{Repository}:{TagWithDigest}";

    // distribution/reference: optional host[:port]/ then lowercase path components joined by '/'.
    [GeneratedRegex(@"\A(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();

    public static bool IsValidRepository(string? repository) =>
        repository is { Length: > 0 and <= 255 } && RepositoryPattern().IsMatch(repository);

    /// <summary>Validates every part; throws <see cref="ArgumentException"/> saying which part is wrong.</summary>
    public static ImageReference Create(string repository, string tag, string? digest = null)
    {
        if (!IsValidRepository(repository))
        {
            throw new ArgumentException($"'{repository}' is not a valid image repository (lowercase path components, optional registry host)", nameof(repository));
        }

        return new ImageReference(repository, OciTag.ValidateTag(tag), digest is null ? null : OciTag.ValidateDigest(digest));
    }
}
