using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>cluster.health</c>: the rollout state of what the application runs, read from the cluster.</summary>
public interface IClusterTool
{
    /// <summary>The worst health of the application's objects, with the message that explains it.</summary>
    Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default);
}
