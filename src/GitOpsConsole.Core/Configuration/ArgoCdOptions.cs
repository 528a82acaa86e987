namespace GitOpsConsole.Core.Configuration;

/// <summary><c>GitOps:ArgoCd</c>: the Argo CD server that deploys applications declared with <c>Operator: ArgoCd</c>.</summary>
public sealed class ArgoCdOptions
{
    /// <summary>The Argo CD server, e.g. <c>https://argocd.example.com/</c> (its REST API is under <c>/api/v1</c>).</summary>
    public string? ServerUrl { get; set; }

    /// <summary>The environment variable holding an account token (<c>argocd account generate-token</c>).</summary>
    public string TokenEnvironmentVariable { get; set; } = "GITOPS_ARGOCD_TOKEN";

    /// <summary>The token itself, for user secrets; wins over the environment variable.</summary>
    public string? Token { get; set; }

    /// <summary>How often the Drift page's view of each Argo CD application (its managed resources' diff) is read again.</summary>
    public TimeSpan DriftRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running sync is read again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sync may run before the console stops waiting (Kargo's argocd-update waits 5 minutes).</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRetries { get; set; } = 4;
}
