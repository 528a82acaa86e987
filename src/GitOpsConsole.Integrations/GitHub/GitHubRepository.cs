namespace GitOpsConsole.Integrations.GitHub;

/// <summary>The owner and name of an application's repository, from its clone URL.</summary>
public sealed record GitHubRepository(string Owner, string Name)
{
    /// <summary>
    /// Reads <c>https://github.com/o/r(.git)</c>, <c>https://ghe.example.com/o/r</c> and <c>git@github.com:o/r.git</c>:
    /// the last two path segments are the owner and the name.
    /// </summary>
    public static GitHubRepository Parse(string repositoryUrl)
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        var path = repositoryUrl.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh")
        {
            path = uri.AbsolutePath;
        }
        else if (path.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && path.Contains('@', StringComparison.Ordinal))
        {
            path = path[(colon + 1)..];
        }

        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || path.StartsWith("sandbox:", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{Git.SecretRedactor.RedactUrl(repositoryUrl)}' is not a GitHub repository URL: use https://github.com/<owner>/<name>.git (or your GitHub Enterprise host).",
                nameof(repositoryUrl));
        }

        var name = segments[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[^1][..^4] : segments[^1];
        return new GitHubRepository(segments[^2], name);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
