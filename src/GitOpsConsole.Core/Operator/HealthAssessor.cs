using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Health of a live object by kind, Argo CD's way. Absent is Missing. Kinds without a rule (Service,
/// ConfigMap, Secret, ServiceAccount, RBAC…) are Healthy when present, since existing is all they promise.
/// </summary>
public static class HealthAssessor
{
    public static HealthResult Assess(JsonObject? live)
    {
        if (live is null)
        {
            return new HealthResult(HealthStatus.Missing, "Resource does not exist");
        }

        if (JsonRead.Str(live, "metadata", "deletionTimestamp") is not null)
        {
            return HealthResult.Progressing("Resource is being deleted");
        }

        var group = ResourceKey.GroupOf(JsonRead.Str(live, "apiVersion") ?? "");
        return (group, JsonRead.Str(live, "kind")) switch
        {
            ("apps", "Deployment") => DeploymentHealth.Assess(live),
            ("apps", "StatefulSet") => ReplicatedHealth.StatefulSet(live),
            ("apps", "DaemonSet") => ReplicatedHealth.DaemonSet(live),
            ("apps", "ReplicaSet") => ReplicatedHealth.ReplicaSet(live),
            ("batch", "Job") => JobHealth.Assess(live),
            ("", "Pod") => PodHealth.Assess(live),
            ("", "Service") => ServiceHealth(live),
            ("", "PersistentVolumeClaim") => ClaimHealth(live),
            _ => HealthResult.Healthy(),
        };
    }

    /// <summary>
    /// A workload's health including its pods: a crash-looping or unpullable pod is Degraded long before the
    /// Deployment's progress deadline would say so, and that is what a person needs to see.
    /// </summary>
    public static HealthResult WithPods(HealthResult workload, IEnumerable<JsonObject> pods)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(pods);
        var degraded = pods
            .Where(p => JsonRead.Str(p, "metadata", "deletionTimestamp") is null)
            .Select(p => (Name: JsonRead.Str(p, "metadata", "name"), Health: PodHealth.Assess(p)))
            .FirstOrDefault(p => p.Health.Status == HealthStatus.Degraded);
        return degraded.Health is null || HealthOrder.Rank(workload.Status) >= HealthOrder.Rank(HealthStatus.Degraded)
            ? workload
            : HealthResult.Degraded($"Pod {degraded.Name}: {degraded.Health.Message}");
    }

    // A load balancer without an address is still being provisioned; every other service works once it exists.
    private static HealthResult ServiceHealth(JsonObject service) =>
        JsonRead.Str(service, "spec", "type") == "LoadBalancer" && !JsonRead.Objects(service, "status", "loadBalancer", "ingress").Any()
            ? HealthResult.Progressing("Waiting for the load balancer to get an address")
            : HealthResult.Healthy();

    private static HealthResult ClaimHealth(JsonObject claim) => JsonRead.Str(claim, "status", "phase") switch
    {
        "Bound" => HealthResult.Healthy(),
        "Lost" => HealthResult.Degraded("Claim lost its volume"),
        _ => HealthResult.Progressing("Waiting for the claim to be bound"),
    };
}
