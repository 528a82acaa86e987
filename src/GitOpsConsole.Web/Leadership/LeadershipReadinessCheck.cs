using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Leadership;

/// <summary>
/// Says in <c>/readyz</c> whether this replica leads. Followers are ready too: they serve the UI and the API,
/// so Kubernetes keeps sending them traffic.
/// </summary>
internal sealed class LeadershipReadinessCheck(LeaderGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(
            !gate.Elected ? "leader (one replica: GitOps:LeaderElection:Enabled=false)"
            : gate.IsLeader ? $"leader ({gate.Identity})"
            : $"follower ({gate.Identity}); leader: {gate.Leader ?? "none yet"}"));
}
