using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Sandbox;

/// <summary>Reports whether the sandbox world is up, with its endpoints.</summary>
internal sealed class SandboxReadinessCheck(SandboxRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(runtime.State switch
        {
            SandboxState.Running => HealthCheckResult.Healthy(
                $"Kubernetes API {runtime.Cluster!.BaseAddress}, registry {runtime.World!.RegistryUrl}, {runtime.World.Git.ListRepositories().Count} repositories"),
            SandboxState.Starting => HealthCheckResult.Degraded("starting"),
            SandboxState.Failed => HealthCheckResult.Unhealthy($"failed to start: {runtime.Error}"),
            _ => HealthCheckResult.Healthy("disabled (GitOps:Sandbox:Enabled=false)"),
        });
}
