namespace GitOpsConsole.Core.Configuration;

/// <summary><c>GitOps:GitHub</c>: commit statuses, pull requests and GitHub Actions for applications whose repository is on GitHub.</summary>
public sealed class GitHubOptions
{
    /// <summary>The REST API root: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> for GitHub Enterprise Server.</summary>
    public string ApiUrl { get; set; } = "https://api.github.com/";

    /// <summary>The environment variable holding the token; tokens never live in a committed file.</summary>
    public string TokenEnvironmentVariable { get; set; } = "GITOPS_GITHUB_TOKEN";

    /// <summary>The token itself, for user secrets (<c>dotnet user-secrets set GitOps:GitHub:Token …</c>); wins over the environment variable.</summary>
    public string? Token { get; set; }

    /// <summary>Authenticate as a GitHub App installation instead of with a token.</summary>
    public GitHubAppOptions App { get; set; } = new();

    /// <summary>The console's public address, for the run links in statuses and pull requests (e.g. <c>https://gitops.example.com</c>).</summary>
    public string? ConsoleUrl { get; set; }

    /// <summary>Retries after the first attempt for 5xx, 429 and secondary rate limits.</summary>
    public int MaxRetries { get; set; } = 4;

    public GitHubActionsOptions Actions { get; set; } = new();

    public GitHubPullRequestOptions PullRequests { get; set; } = new();
}

/// <summary><c>GitOps:GitHub:Actions</c>: the workflow that builds an application's image.</summary>
public sealed class GitHubActionsOptions
{
    /// <summary>The workflow file name (or numeric id) with a <c>workflow_dispatch</c> trigger.</summary>
    public string Workflow { get; set; } = "build.yml";

    /// <summary>The dispatch input that receives the commit SHA to build.</summary>
    public string CommitInput { get; set; } = "commit";

    /// <summary>The dispatch input that receives the console's request id; the workflow's <c>run-name</c> must contain it.</summary>
    public string RequestInput { get; set; } = "gitops_request";

    /// <summary>The artifact holding <c>image.json</c> (<c>{"image": "repo:tag", "digest": "sha256:…"}</c>).</summary>
    public string ImageArtifact { get; set; } = "gitops-image";

    /// <summary>How often a running workflow is read again at first; a <c>workflow_run</c> webhook wakes the wait sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The polling interval doubles while the run's state stays the same, up to this.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to look for the run a dispatch started before reporting that the workflow does not name it.</summary>
    public TimeSpan FindRunTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The ref the workflow runs on; null = the application's branch.</summary>
    public string? Ref { get; set; }

    /// <summary>Extra dispatch inputs sent with every build.</summary>
    public Dictionary<string, string> Inputs { get; set; } = [];
}

/// <summary><c>GitOps:GitHub:App</c>: a GitHub App installation; its tokens last an hour and are renewed before they expire.</summary>
public sealed class GitHubAppOptions
{
    public long? AppId { get; set; }

    public long? InstallationId { get; set; }

    /// <summary>The environment variable holding the App's private key (PEM).</summary>
    public string PrivateKeyEnvironmentVariable { get; set; } = "GITOPS_GITHUB_APP_KEY";

    /// <summary>A PEM file with the App's private key, instead of the environment variable.</summary>
    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured => AppId is not null || InstallationId is not null;
}

/// <summary><c>GitOps:GitHub:PullRequests</c>: how image bumps in pull-request mode are opened and merged.</summary>
public sealed class GitHubPullRequestOptions
{
    /// <summary>Merge the pull request once every status and check run on its head passed.</summary>
    public bool AutoMerge { get; set; }

    /// <summary><c>merge</c>, <c>squash</c> or <c>rebase</c>.</summary>
    public string MergeMethod { get; set; } = "squash";

    /// <summary>How long a run waits for its pull request to be merged (by checks and auto-merge, or by a person).</summary>
    public TimeSpan MergeTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the pull request's checks and state are read while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
