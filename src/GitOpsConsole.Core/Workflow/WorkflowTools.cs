using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>The toolbox the fixed pipeline calls, in the same shape the agent gets it.</summary>
public sealed record WorkflowTools(ICiTool Ci, IValuesTool Values, IGitTool Git, IOperatorTool Operator, IClusterTool Cluster, ICommitStatusTool CommitStatus, IRegistryTool Registry,
    IClusterDiagnosticsTool Diagnostics, IPullRequestTool PullRequests);

/// <summary>How long the pipeline waits for things outside it.</summary>
/// <param name="BuildTimeout">A CI build that has not finished by then fails the run.</param>
/// <param name="HealthPollInterval">How often rollout health is read while waiting for Healthy.</param>
public sealed record WorkflowSettings(TimeSpan BuildTimeout, TimeSpan HealthPollInterval)
{
    public static WorkflowSettings Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(200));
}
