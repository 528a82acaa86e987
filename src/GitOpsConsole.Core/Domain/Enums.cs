namespace GitOpsConsole.Core.Domain;

/// <summary>Which orchestration handles an event: the fixed pipeline or the planning agent.</summary>
public enum DeploymentEngine
{
    Workflow,
    Agent,
}

/// <summary>How the image updater's commit reaches the deployed branch.</summary>
public enum WriteBackMode
{
    /// <summary>Committed and pushed to the branch.</summary>
    Direct,
    /// <summary>Committed to a branch of its own (<c>gitops/&lt;app&gt;/&lt;run&gt;</c>) that is then merged, as a pull request would be.</summary>
    PullRequest,
}

/// <summary>What applies Git to the cluster for an application.</summary>
public enum OperatorKind
{
    Embedded,
    ArgoCd,
}

public enum TriggerKind
{
    Push,
    PullRequest,
    ImageRelease,
    Manual,
    Poll,

    /// <summary>A CI run's progress (GitHub workflow_run); recorded only when no followed build needs it, and never deploys.</summary>
    CiRun,
}

/// <summary>What ingestion decided about an event; every event gets exactly one.</summary>
public enum EventDecision
{
    Accepted,
    Ignored,
    Duplicate,
}

public enum RunStatus
{
    Queued,
    Running,
    WaitingForInput,
    Succeeded,
    Failed,
    RolledBack,
    Escalated,
    Cancelled,
}

public enum StepStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}

/// <summary>Argo CD's sync vocabulary, which users already know.</summary>
public enum SyncStatus
{
    Unknown,
    Synced,
    OutOfSync,
}

/// <summary>Argo CD's health vocabulary.</summary>
public enum HealthStatus
{
    Unknown,
    Healthy,
    Progressing,
    Degraded,
    Suspended,
    Missing,
}
