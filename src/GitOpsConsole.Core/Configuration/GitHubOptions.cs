namespace GitOpsConsole.Core.Configuration;

/// <summary><c>GitOps:GitHub</c>: commit statuses, pull requests and GitHub Actions for applications whose repository is on GitHub.</summary>
public sealed class GitHubOptions
{
    /// <summary>The REST API root: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> for GitHub Enterprise Server.</summary>
    public string ApiUrl { get; set; } = "https://api.github.com/";

    /// <summary>The environment variable holding the token; tokens never live in a committed file.</summary>
    public string TokenEnvironmentVariable { get; set; } = "GITOPS_GITHUB_TOKEN";

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

    /// <summary>How often a running workflow is read again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to look for the run a dispatch started before reporting that the workflow does not name it.</summary>
    public TimeSpan FindRunTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary><c>GitOps:GitHub:PullRequests</c>: how image bumps in pull-request mode are opened and merged.</summary>
public sealed class GitHubPullRequestOptions
{
    /// <summary>Merge the pull request once every status and check run on its head passed.</summary>
    public bool AutoMerge { get; set; }

    /// <summary><c>merge</c>, <c>squash</c> or <c>rebase</c>.</summary>
    public string MergeMethod { get; set; } = "squash";
}
