using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// A Deployment's health from its own status, with Argo CD's rules: paused is Suspended; a controller
/// that has not observed the latest generation, or replicas not yet updated or available, is Progressing;
/// the Progressing condition's ProgressDeadlineExceeded is Degraded.
/// </summary>
public static class DeploymentHealth
{
    public static HealthResult Assess(JsonObject deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (JsonRead.Bool(deployment, "spec", "paused"))
        {
            return new HealthResult(HealthStatus.Suspended, "Deployment is paused");
        }

        var generation = JsonRead.Number(deployment, "metadata", "generation") ?? 0;
        var observed = JsonRead.Number(deployment, "status", "observedGeneration") ?? 0;
        if (observed < generation)
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed deployment generation less than desired generation");
        }

        var progressing = JsonRead.Objects(deployment, "status", "conditions")
            .FirstOrDefault(c => JsonRead.Str(c, "type") == "Progressing");
        if (JsonRead.Str(progressing, "reason") == "ProgressDeadlineExceeded")
        {
            var name = JsonRead.Str(deployment, "metadata", "name");
            return HealthResult.Degraded($"Deployment \"{name}\" exceeded its progress deadline");
        }

        // spec.replicas absent means the API default of 1.
        var wanted = JsonRead.Number(deployment, "spec", "replicas") ?? 1;
        var replicas = JsonRead.Number(deployment, "status", "replicas") ?? 0;
        var updated = JsonRead.Number(deployment, "status", "updatedReplicas") ?? 0;
        var available = JsonRead.Number(deployment, "status", "availableReplicas") ?? 0;
        if (updated < wanted)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {updated} out of {wanted} new replicas have been updated...");
        }

        if (replicas > updated)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {replicas - updated} old replicas are pending termination...");
        }

        if (available < updated)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {available} of {updated} updated replicas are available...");
        }

        return HealthResult.Healthy();
    }
}
