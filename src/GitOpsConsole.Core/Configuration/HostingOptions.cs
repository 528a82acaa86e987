namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// <c>GitOps:Kubernetes</c>: the cluster the embedded operator deploys to. Unset = the sandbox's emulator
/// (when the sandbox is on).
/// </summary>
public sealed class KubernetesOptions
{
    /// <summary>A kubeconfig file; relative paths are taken from the working directory.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context; unset = its <c>current-context</c>.</summary>
    public string? Context { get; set; }

    /// <summary>Use the pod's service account (the console runs in the cluster it deploys to).</summary>
    public bool InCluster { get; set; }

    /// <summary>True when a real cluster is configured instead of the sandbox's.</summary>
    public bool IsConfigured => InCluster || !string.IsNullOrWhiteSpace(Kubeconfig);
}

/// <summary>
/// <c>GitOps:LeaderElection</c>: with several replicas, only the holder of a Lease runs the engines, the
/// operator, the drift watches and the ingestion workers; every replica serves the UI and the API.
/// Defaults are client-go's (and KubernetesClient's) usual 15 s / 10 s / 2 s.
/// </summary>
public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; }

    public string LeaseName { get; set; } = "gitops-console";

    /// <summary>Unset = the pod's namespace (in-cluster) or <c>default</c>.</summary>
    public string? LeaseNamespace { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Unset = <c>POD_NAME</c>, else the host name, plus the process id.</summary>
    public string? Identity { get; set; }

    /// <summary>
    /// How far back the leader looks for accepted events that another replica persisted and no run picked
    /// up yet (at the start of its term and every <see cref="RetryPeriod"/>).
    /// </summary>
    public TimeSpan PendingEventWindow { get; set; } = TimeSpan.FromHours(1);
}

public enum DatabaseProvider
{
    /// <summary>A file under the data directory (default; one replica).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by every replica.</summary>
    PostgreSql,
}

/// <summary><c>GitOps:Database</c>: where the console's store lives.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Npgsql connection string for PostgreSql (from a Secret: <c>GitOps__Database__ConnectionString</c>);
    /// unused by Sqlite, whose file is <c>&lt;data&gt;/gitops-console.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}
