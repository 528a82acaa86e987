using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Deployment status: counts summed over its ReplicaSets plus the Available and Progressing conditions.</summary>
internal static class DeploymentStatusCalculator
{
    /// <returns>The status and, while a rollout is in progress, when the progress deadline would pass.</returns>
    public static (JsonObject Status, DateTimeOffset? DeadlineAt) Compute(
        StoredObject deployment, StoredObject? newSet, IReadOnlyList<StoredObject> allSets, bool createdNewSet, DateTimeOffset now)
    {
        var d = deployment.Node;
        var desired = ControllerTools.Replicas(d);
        long Sum(string field) => allSets.Sum(rs => Meta.Long(rs.Node["status"]?[field]));
        var replicas = Sum("replicas");
        var updated = Meta.Long(newSet?.Node["status"]?["replicas"]);
        var ready = Sum("readyReplicas");
        var available = Sum("availableReplicas");
        var total = allSets.Sum(rs => (long)ControllerTools.Replicas(rs.Node));
        var previous = d["status"] as JsonObject ?? [];
        var status = new JsonObject
        {
            ["observedGeneration"] = Meta.Generation(d),
            ["replicas"] = replicas,
            ["updatedReplicas"] = updated,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = available,
            ["unavailableReplicas"] = Math.Max(0, total - available),
            ["conditions"] = previous["conditions"]?.DeepClone() ?? new JsonArray(),
        };
        var timestamp = Meta.Timestamp(now);
        var (_, maxUnavailable) = DeploymentRollout.Limits(deployment, desired);
        if (available >= desired - maxUnavailable)
        {
            ControllerTools.SetCondition(status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", timestamp, touchUpdate: false);
        }
        else
        {
            ControllerTools.SetCondition(status, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", timestamp, touchUpdate: false);
        }
        var rsName = newSet?.Name ?? Meta.Name(d);
        var complete = updated == desired && replicas == desired && available == desired;
        var progressing = ControllerTools.Condition(status, "Progressing");
        var deadline = TimeSpan.FromSeconds(Meta.Int(d["spec"]?["progressDeadlineSeconds"], 600));
        DateTimeOffset? deadlineAt = null;
        if (complete)
        {
            ControllerTools.SetCondition(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", timestamp,
                touchUpdate: Meta.Str(progressing, "reason") != "NewReplicaSetAvailable");
        }
        else if (createdNewSet)
        {
            ControllerTools.SetCondition(status, "Progressing", "True", "NewReplicaSetCreated", $"Created new replica set \"{rsName}\"", timestamp);
            deadlineAt = now + deadline;
        }
        else if (progressing is null || Moved(previous, status) || Meta.Long(previous["observedGeneration"]) != Meta.Generation(d))
        {
            ControllerTools.SetCondition(status, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", timestamp);
            deadlineAt = now + deadline;
        }
        else if (Meta.Str(progressing, "reason") != "ProgressDeadlineExceeded")
        {
            var lastUpdate = Meta.ParseTime(progressing["lastUpdateTime"]) ?? now;
            if (now >= lastUpdate + deadline)
            {
                ControllerTools.SetCondition(status, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", timestamp);
            }
            else
            {
                deadlineAt = lastUpdate + deadline;
            }
        }
        return (status, deadlineAt);
    }

    private static readonly string[] Counts = ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas"];

    private static bool Moved(JsonObject previous, JsonObject next) =>
        Counts.Any(f => Meta.Long(previous[f]) != Meta.Long(next[f]));
}
