using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// StatefulSet, DaemonSet and ReplicaSet health from their status, with Argo CD's rules: Progressing until the
/// controller has observed the latest generation and the pods are updated and ready (OnDelete update strategies
/// count as done once observed, since nothing rolls until pods are deleted by hand); a ReplicaSet whose
/// ReplicaFailure condition is True is Degraded.
/// </summary>
public static class ReplicatedHealth
{
    public static HealthResult StatefulSet(JsonObject set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (NotObserved(set))
        {
            return HealthResult.Progressing("Waiting for the statefulset spec update to be observed");
        }

        var wanted = JsonRead.Number(set, "spec", "replicas") ?? 1;
        var ready = JsonRead.Number(set, "status", "readyReplicas") ?? 0;
        if (ready < wanted)
        {
            return HealthResult.Progressing($"Waiting for {wanted - ready} pods to be ready");
        }

        if (JsonRead.Str(set, "spec", "updateStrategy", "type") == "OnDelete")
        {
            return HealthResult.Healthy($"statefulset has {ready} ready pods");
        }

        var partition = JsonRead.Number(set, "spec", "updateStrategy", "rollingUpdate", "partition") ?? 0;
        var updated = JsonRead.Number(set, "status", "updatedReplicas") ?? 0;
        if (updated < wanted - partition)
        {
            return HealthResult.Progressing($"Waiting for rolling update to finish: {updated} of {wanted - partition} pods updated");
        }

        var current = JsonRead.Str(set, "status", "currentRevision");
        var update = JsonRead.Str(set, "status", "updateRevision");
        return partition == 0 && current is not null && update is not null && current != update
            ? HealthResult.Progressing("Waiting for the statefulset rolling update to complete")
            : HealthResult.Healthy($"statefulset has {ready} ready pods");
    }

    public static HealthResult DaemonSet(JsonObject set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (NotObserved(set))
        {
            return HealthResult.Progressing("Waiting for the daemon set spec update to be observed");
        }

        if (JsonRead.Str(set, "spec", "updateStrategy", "type") == "OnDelete")
        {
            return HealthResult.Healthy();
        }

        var desired = JsonRead.Number(set, "status", "desiredNumberScheduled") ?? 0;
        var updated = JsonRead.Number(set, "status", "updatedNumberScheduled") ?? 0;
        var available = JsonRead.Number(set, "status", "numberAvailable") ?? 0;
        if (updated < desired)
        {
            return HealthResult.Progressing($"Waiting for daemon set rollout to finish: {updated} of {desired} updated pods scheduled");
        }

        return available < desired
            ? HealthResult.Progressing($"Waiting for daemon set rollout to finish: {available} of {desired} updated pods available")
            : HealthResult.Healthy();
    }

    public static HealthResult ReplicaSet(JsonObject set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (NotObserved(set))
        {
            return HealthResult.Progressing("Waiting for the replica set spec update to be observed");
        }

        var failure = JsonRead.Objects(set, "status", "conditions")
            .FirstOrDefault(c => JsonRead.Str(c, "type") == "ReplicaFailure" && JsonRead.Str(c, "status") == "True");
        if (failure is not null)
        {
            return HealthResult.Degraded(JsonRead.Str(failure, "message") ?? "ReplicaFailure");
        }

        var wanted = JsonRead.Number(set, "spec", "replicas") ?? 1;
        var available = JsonRead.Number(set, "status", "availableReplicas") ?? 0;
        return available < wanted
            ? HealthResult.Progressing($"Waiting for rollout to finish: {available} out of {wanted} replicas are available")
            : HealthResult.Healthy();
    }

    private static bool NotObserved(JsonObject workload)
    {
        var observed = JsonRead.Number(workload, "status", "observedGeneration") ?? 0;
        return observed == 0 || observed < (JsonRead.Number(workload, "metadata", "generation") ?? 0);
    }
}
