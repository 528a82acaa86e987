using System.Text.RegularExpressions;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>An OCI image reference split into repository, tag and digest, with the grammar's checks.</summary>
public sealed partial record ImageReference(string Repository, string? Tag, string? Digest)
{
    /// <summary>The OCI distribution tag grammar: what may ever be written into a values file.</summary>
    public static bool IsValidTag(string? tag) => tag is not null && TagGrammar().IsMatch(tag);

    public static bool IsValidDigest(string? digest) => digest is not null && DigestGrammar().IsMatch(digest);

    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var text = reference.Trim();
        string? digest = null;
        if (text.IndexOf('@', StringComparison.Ordinal) is var at and > 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }

        string? tag = null;
        var lastSlash = text.LastIndexOf('/');
        if (text.LastIndexOf(':') is var colon && colon > lastSlash && colon > 0)
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        return new ImageReference(text.ToLowerInvariant(), string.IsNullOrEmpty(tag) ? null : tag, digest);
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TagGrammar();

    [GeneratedRegex("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$")]
    private static partial Regex DigestGrammar();
}
