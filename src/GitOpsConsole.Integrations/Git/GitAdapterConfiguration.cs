using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// The adapter's settings derived from the console's <c>GitOps</c> configuration, so the web host
/// wires it in two lines: mirrors under <c>&lt;data&gt;/repos</c>, each application's configured
/// repository, and <c>sandbox:</c> names pointing at <c>&lt;data&gt;/sandbox/git</c> when the sandbox is on.
/// </summary>
public static class GitAdapterConfiguration
{
    public static GitMirrorOptions MirrorOptions(
        GitOpsOptions options, string dataDirectory, Func<string, GitCredential?>? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var repositories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var application in options.Applications)
        {
            if (!repositories.TryAdd(application.Name, application.Repository))
            {
                throw new GitOperationException($"Application '{application.Name}' is configured twice.");
            }
        }

        return new GitMirrorOptions
        {
            MirrorDirectory = Path.Combine(dataDirectory, "repos"),
            Repositories = repositories,
            Credentials = credentials,
        };
    }

    public static RepositoryUrlResolver UrlResolver(GitOpsOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RepositoryUrlResolver.ForDataDirectory(dataDirectory, options.Sandbox.Enabled);
    }
}
