namespace GitOpsConsole.Core.Ingestion;

/// <summary>
/// One spelling per repository, so an event's URL matches the configured one whether it came as
/// https with or without <c>.git</c>, with credentials, as scp-style SSH, or in another case.
/// </summary>
public static class RepositoryAddress
{
    public static string Normalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (text.StartsWith("sandbox:", StringComparison.OrdinalIgnoreCase))
        {
            return "sandbox:" + TrimGit(text["sandbox:".Length..]).ToLowerInvariant();
        }

        // scp-like SSH: git@github.com:org/repo.git
        if (!text.Contains("://", StringComparison.Ordinal) && text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && text.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash))
        {
            var hostPart = text[..colon];
            var host = hostPart[(hostPart.LastIndexOf('@') + 1)..];
            return $"{host.ToLowerInvariant()}/{TrimGit(text[(colon + 1)..]).ToLowerInvariant()}";
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git")
        {
            var port = uri.IsDefaultPort || uri.Scheme == "ssh" ? "" : $":{uri.Port}";
            return $"{uri.Host.ToLowerInvariant()}{port}/{TrimGit(uri.AbsolutePath).ToLowerInvariant()}";
        }

        // A local path (file:// or plain): compare the full path as it is.
        var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? text["file://".Length..] : text;
        return TrimGit(Path.GetFullPath(path));
    }

    private static string TrimGit(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4] : trimmed;
    }
}
