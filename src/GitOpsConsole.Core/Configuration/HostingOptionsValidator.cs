namespace GitOpsConsole.Core.Configuration;

/// <summary>The checks of <c>GitOps:Kubernetes</c>, <c>GitOps:LeaderElection</c> and <c>GitOps:Database</c> that need no I/O.</summary>
public static class HostingOptionsValidator
{
    public static IEnumerable<string> Validate(GitOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string root = GitOpsOptions.SectionName;
        if (options.Kubernetes.InCluster && !string.IsNullOrWhiteSpace(options.Kubernetes.Kubeconfig))
        {
            yield return $"{root}:Kubernetes: set either InCluster or Kubeconfig, not both.";
        }

        if (options.Kubernetes.Context is not null && string.IsNullOrWhiteSpace(options.Kubernetes.Kubeconfig))
        {
            yield return $"{root}:Kubernetes:Context: '{options.Kubernetes.Context}' needs GitOps:Kubernetes:Kubeconfig (the file that declares the context).";
        }

        var election = options.LeaderElection;
        if (election.Enabled)
        {
            if (string.IsNullOrWhiteSpace(election.LeaseName))
            {
                yield return $"{root}:LeaderElection:LeaseName: must not be empty.";
            }

            if (election.RetryPeriod < TimeSpan.FromMilliseconds(100) || election.RenewDeadline <= election.RetryPeriod || election.LeaseDuration <= election.RenewDeadline)
            {
                yield return $"{root}:LeaderElection: needs RetryPeriod (at least 00:00:00.1) < RenewDeadline < LeaseDuration, got {election.RetryPeriod} / {election.RenewDeadline} / {election.LeaseDuration}.";
            }

            if (!options.Kubernetes.IsConfigured && !options.Sandbox.Enabled)
            {
                yield return $"{root}:LeaderElection:Enabled: the Lease needs a cluster: set GitOps:Kubernetes (Kubeconfig or InCluster) or turn the sandbox on.";
            }

            if (election.PendingEventWindow <= TimeSpan.Zero)
            {
                yield return $"{root}:LeaderElection:PendingEventWindow: must be positive, got {election.PendingEventWindow}.";
            }
        }

        if (options.Database.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            yield return $"{root}:Database:ConnectionString: PostgreSql needs a connection string (e.g. Host=db;Database=gitops;Username=gitops;Password=…, from a Secret as GitOps__Database__ConnectionString).";
        }
    }
}
