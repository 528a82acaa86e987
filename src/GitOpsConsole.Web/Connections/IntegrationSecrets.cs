using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// Reads the GitHub and Argo CD credentials the configuration points at (user secrets, environment variables,
/// a key file) and, at start, says which are missing for the applications that need them. Values never leave
/// this class except to the adapters.
/// </summary>
internal sealed class IntegrationSecrets(Func<string, string?> environment, Func<string, string?> readFile)
{
    public static IntegrationSecrets FromProcess() => new(Environment.GetEnvironmentVariable, path => File.Exists(path) ? File.ReadAllText(path) : null);

    public string? GitHubToken(GitHubOptions github) => Blank(github.Token) ?? Blank(environment(github.TokenEnvironmentVariable));

    public string? GitHubAppKey(GitHubAppOptions app) =>
        app.PrivateKeyPath is { Length: > 0 } path ? Blank(readFile(path)) : Blank(environment(app.PrivateKeyEnvironmentVariable));

    public string? ArgoCdToken(ArgoCdOptions argo) => Blank(argo.Token) ?? Blank(environment(argo.TokenEnvironmentVariable));

    /// <summary>One message per missing secret, naming the setting and the applications that need it.</summary>
    public IEnumerable<string> Check(GitOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var github = ApplicationChoices.UsingGitHub(options).ToList();
        if (github.Count > 0 && options.GitHub.App.IsConfigured && GitHubAppKey(options.GitHub.App) is null)
        {
            yield return options.GitHub.App.PrivateKeyPath is { Length: > 0 } path
                ? $"GitOps:GitHub:App:PrivateKeyPath: no readable PEM file at {path} (needed by {string.Join(", ", github)})."
                : $"GitOps:GitHub:App:PrivateKeyEnvironmentVariable: the environment variable {options.GitHub.App.PrivateKeyEnvironmentVariable} is not set; it must hold the GitHub App's private key (needed by {string.Join(", ", github)}).";
        }
        else if (github.Count > 0 && !options.GitHub.App.IsConfigured && GitHubToken(options.GitHub) is null)
        {
            yield return $"GitOps:GitHub:TokenEnvironmentVariable: the environment variable {options.GitHub.TokenEnvironmentVariable} is not set and GitOps:GitHub:Token is empty; " +
                $"set one (user secrets: dotnet user-secrets set GitOps:GitHub:Token …) or configure GitOps:GitHub:App (needed by {string.Join(", ", github)}; " +
                "an application whose repository is on GitHub reports commit statuses there unless its CommitStatus is None).";
        }

        var argo = options.Applications.Where(a => a.Operator == Core.Domain.OperatorKind.ArgoCd).Select(a => a.Name).ToList();
        if (argo.Count > 0 && ArgoCdToken(options.ArgoCd) is null)
        {
            yield return $"GitOps:ArgoCd:TokenEnvironmentVariable: the environment variable {options.ArgoCd.TokenEnvironmentVariable} is not set and GitOps:ArgoCd:Token is empty; " +
                $"create a token with 'argocd account generate-token --account gitops-console' (needed by {string.Join(", ", argo)}).";
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
