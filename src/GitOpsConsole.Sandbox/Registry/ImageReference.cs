namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// A parsed image reference: <c>[host[:port]/]name(:tag|[:tag]@digest)</c>, or a bare digest.
/// The host is kept but not used for lookups: the sandbox has one registry, and values files written
/// before a port change must keep resolving.
/// </summary>
public sealed record ImageReference(string? Host, string? Repository, string? Tag, string? Digest)
{
    public static ImageReference? TryParse(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }
        if (RegistryNames.IsValidDigest(reference))
        {
            return new ImageReference(null, null, null, reference);
        }
        string? host = null;
        var rest = reference;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        // Docker's rule: a first component with '.' or ':' (or "localhost") is a registry host.
        if (slash > 0 && (rest[..slash].Contains('.', StringComparison.Ordinal) || rest[..slash].Contains(':', StringComparison.Ordinal) || rest[..slash] == "localhost"))
        {
            host = rest[..slash];
            rest = rest[(slash + 1)..];
        }
        string? tag = null, digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!RegistryNames.IsValidDigest(digest))
            {
                return null;
            }

            // name:tag@digest (a digest-pinned tag, as image updaters write it): the digest decides, as containerd pulls it.
            var pinned = rest.LastIndexOf(':');
            if (pinned >= 0)
            {
                tag = rest[(pinned + 1)..];
                rest = rest[..pinned];
                if (!RegistryNames.IsValidTag(tag))
                {
                    return null;
                }
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            tag = colon >= 0 ? rest[(colon + 1)..] : "latest";
            rest = colon >= 0 ? rest[..colon] : rest;
            if (!RegistryNames.IsValidTag(tag))
            {
                return null;
            }
        }
        return RegistryNames.IsValidRepository(rest) ? new ImageReference(host, rest, tag, digest) : null;
    }
}
