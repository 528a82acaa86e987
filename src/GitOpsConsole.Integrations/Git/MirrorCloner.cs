using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>Creates an application's bare mirror, all or nothing.</summary>
internal static class MirrorCloner
{
    public static void Clone(GitMirrorCache cache, string app, string url, string path, CancellationToken cancellationToken)
    {
        var safeUrl = SecretRedactor.RedactUrl(url);
        if (LocalPath(url) is { } local && !Directory.Exists(local))
        {
            // libgit2 calls a missing local path an "unsupported URL protocol"; say what is really wrong.
            throw cache.Failure($"Could not clone the repository of application '{app}': there is no repository at {local}", null);
        }

        GitLog.Cloning(cache.Logger, app, safeUrl, path);

        // Clone beside the final folder and move it in, so a failed clone never leaves half a mirror behind.
        var staging = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Repository.Clone(url, staging, new CloneOptions(cache.NewFetchOptions(cancellationToken)) { IsBare = true });
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.Move(staging, path);
        }
        catch (LibGit2SharpException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw cache.Failure($"Could not clone the repository of application '{app}' from {safeUrl}", ex);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The folder a local clone URL (plain path or file://) points at; null for network URLs.</summary>
    private static string? LocalPath(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            return uri.LocalPath;
        }

        // scp-like "git@host:repo.git" and every scheme URL are remote.
        return url.Contains("://", StringComparison.Ordinal) || url.Contains('@', StringComparison.Ordinal) ? null : url;
    }
}
