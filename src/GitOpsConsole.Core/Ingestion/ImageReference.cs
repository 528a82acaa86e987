namespace GitOpsConsole.Core.Ingestion;

/// <summary>An OCI image reference as an event names it, split into repository, tag and digest.</summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
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
}
