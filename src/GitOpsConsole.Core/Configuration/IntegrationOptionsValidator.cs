namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// The per-application choices of CI, commit statuses and operator, and the GitHub and Argo CD sections
/// they need, each message naming its key. Whether secrets are actually present is the host's check (it
/// reads the environment); this one checks shape.
/// </summary>
public static class IntegrationOptionsValidator
{
    public static IEnumerable<string> Validate(GitOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string root = GitOpsOptions.SectionName;
        var usesGitHub = new List<string>();
        for (var i = 0; i < options.Applications.Count; i++)
        {
            var app = options.Applications[i];
            var key = $"{root}:Applications:{i}";
            if (!CiProviders.All.Contains(app.Ci.Provider, StringComparer.Ordinal))
            {
                yield return $"{key}:Ci:Provider: '{app.Ci.Provider}' is not one of {string.Join(", ", CiProviders.All)}.";
                continue;
            }

            if (!CommitStatusProviders.All.Contains(app.CommitStatus, StringComparer.Ordinal))
            {
                yield return $"{key}:CommitStatus: '{app.CommitStatus}' is not one of {string.Join(", ", CommitStatusProviders.All)}.";
                continue;
            }

            if (app.GitHubRepository is { } named && named.Trim().Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                yield return $"{key}:GitHubRepository: '{named}' must be owner/name.";
                continue;
            }

            var choice = IntegrationChoice.For(app, options.GitHub);
            if (choice.UsesGitHub && choice.GitHubRepository is null && IntegrationChoice.GitHubHost(options.GitHub.ApiUrl) is not null)
            {
                yield return $"{key}: {(choice.Ci == CiProviders.GitHubActions ? "Ci:Provider GitHubActions" : "CommitStatus GitHub")} needs a repository on GitHub: " +
                    $"'{app.Repository}' is not on {IntegrationChoice.GitHubHost(options.GitHub.ApiUrl)}; set GitHubRepository: owner/name.";
            }

            if (choice.UsesGitHub || (app.WriteBack == Domain.WriteBackMode.PullRequest && choice.GitHubRepository is not null))
            {
                usesGitHub.Add(app.Name);
            }
        }

        if (usesGitHub.Count > 0)
        {
            foreach (var error in ValidateGitHub(options.GitHub, $"{root}:GitHub", usesGitHub))
            {
                yield return error;
            }
        }

        var argo = options.Applications.Where(a => a.Operator == Domain.OperatorKind.ArgoCd).Select(a => a.Name).ToList();
        if (argo.Count > 0 && !IsHttpUrl(options.ArgoCd.ServerUrl))
        {
            yield return $"{root}:ArgoCd:ServerUrl: '{options.ArgoCd.ServerUrl}' is not an http(s) URL (e.g. https://argocd.example.com/); {string.Join(", ", argo)} use Operator ArgoCd.";
        }

        if (argo.Count > 0 && (options.ArgoCd.PollInterval <= TimeSpan.Zero || options.ArgoCd.SyncTimeout <= TimeSpan.Zero))
        {
            yield return $"{root}:ArgoCd: PollInterval and SyncTimeout must be positive TimeSpans (e.g. 00:00:02), got {options.ArgoCd.PollInterval} and {options.ArgoCd.SyncTimeout}.";
        }

        if (argo.Count > 0 && options.ArgoCd.DriftRefreshInterval <= TimeSpan.Zero)
        {
            yield return $"{root}:ArgoCd:DriftRefreshInterval: must be a positive TimeSpan (e.g. 00:00:30), got {options.ArgoCd.DriftRefreshInterval}.";
        }

        foreach (var error in ArgoCdApplicationNames.Validate(options.Applications, $"{root}:Applications"))
        {
            yield return error;
        }
    }

    private static IEnumerable<string> ValidateGitHub(GitHubOptions github, string key, List<string> users)
    {
        var who = $"(used by {string.Join(", ", users)})";
        if (!IsHttpUrl(github.ApiUrl))
        {
            yield return $"{key}:ApiUrl: '{github.ApiUrl}' is not an http(s) URL: https://api.github.com/, or https://HOST/api/v3/ for GitHub Enterprise Server {who}.";
        }

        if (github.ConsoleUrl is { Length: > 0 } console && !IsHttpUrl(console))
        {
            yield return $"{key}:ConsoleUrl: '{console}' is not an http(s) URL (the console's public address, for run links).";
        }

        if (github.App.IsConfigured && (github.App.AppId is not > 0 || github.App.InstallationId is not > 0))
        {
            yield return $"{key}:App: a GitHub App needs both AppId and InstallationId (positive numbers), got {(github.App.AppId is { } appId ? appId : "none")} and {(github.App.InstallationId is { } installation ? installation : "none")}.";
        }

        if (github.Actions.PollInterval <= TimeSpan.Zero || github.PullRequests.PollInterval <= TimeSpan.Zero)
        {
            yield return $"{key}: Actions:PollInterval and PullRequests:PollInterval must be positive TimeSpans (e.g. 00:00:10).";
        }

        if (github.Actions.MaxPollInterval < github.Actions.PollInterval)
        {
            yield return $"{key}:Actions:MaxPollInterval: the back-off's cap ({github.Actions.MaxPollInterval}) must be at least PollInterval ({github.Actions.PollInterval}).";
        }

        if (github.PullRequests.MergeMethod is not ("merge" or "squash" or "rebase"))
        {
            yield return $"{key}:PullRequests:MergeMethod: '{github.PullRequests.MergeMethod}' is not merge, squash or rebase.";
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
