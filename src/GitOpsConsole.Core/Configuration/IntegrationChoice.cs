namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// Which outside system serves each port for one application, decided from its configuration alone:
/// the CI (<see cref="CiProviders"/>), where its commit statuses go (<c>Sandbox</c>, <c>GitHub</c> or
/// <c>None</c>, never <c>Auto</c>), and its repository on GitHub when it has one.
/// </summary>
public sealed record IntegrationChoice(string Ci, string CommitStatus, string? GitHubRepository)
{
    public const string SandboxScheme = "sandbox:";

    public bool UsesGitHub => Ci == CiProviders.GitHubActions || CommitStatus == CommitStatusProviders.GitHub;

    public static IntegrationChoice For(ApplicationOptions app, GitHubOptions github)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(github);
        var repository = GitHubRepositoryOf(app, github);
        var sandbox = app.Repository.StartsWith(SandboxScheme, StringComparison.Ordinal);
        var status = app.CommitStatus switch
        {
            CommitStatusProviders.Auto when sandbox => CommitStatusProviders.Sandbox,
            CommitStatusProviders.Auto when repository is not null => CommitStatusProviders.GitHub,
            CommitStatusProviders.Auto => CommitStatusProviders.None,
            var chosen => chosen,
        };
        return new IntegrationChoice(app.Ci.Provider, status, repository);
    }

    /// <summary>The web host of a GitHub API root: <c>api.github.com</c> → <c>github.com</c>; an Enterprise <c>https://HOST/api/v3/</c> → HOST.</summary>
    public static string? GitHubHost(string apiUrl) =>
        Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri)
            ? uri.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) ? "github.com" : uri.Host
            : null;

    /// <summary><c>owner/name</c>: the application's <c>GitHubRepository</c>, else its repository URL when that is on GitHub's host.</summary>
    public static string? GitHubRepositoryOf(ApplicationOptions app, GitHubOptions github)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(github);
        if (!string.IsNullOrWhiteSpace(app.GitHubRepository))
        {
            return app.GitHubRepository.Trim();
        }

        var host = GitHubHost(github.ApiUrl);
        var url = app.Repository.Trim();
        string? path = null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" && uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            path = uri.AbsolutePath;
        }
        else if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':', StringComparison.Ordinal) is var colon and > 4
            && url[4..colon].Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            path = url[(colon + 1)..];
        }

        var segments = path?.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length != 2)
        {
            return null;
        }

        var name = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[1][..^4] : segments[1];
        return $"{segments[0]}/{name}";
    }
}
