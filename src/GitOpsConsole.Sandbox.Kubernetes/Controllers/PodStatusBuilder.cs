using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Pod phase, conditions and addresses derived from the container statuses.</summary>
internal static class PodStatusBuilder
{
    public static JsonObject Build(JsonObject pod, JsonArray containerStatuses, string restartPolicy, DateTimeOffset now)
    {
        var previous = pod["status"] as JsonObject ?? [];
        var statuses = containerStatuses.OfType<JsonObject>().ToList();
        var allReady = statuses.Count > 0 && statuses.All(s => s["ready"]?.GetValue<bool>() == true);
        var terminated = statuses.Select(s => s["state"]?["terminated"]).ToList();
        var everRan = statuses.Any(s => s["state"]?["running"] is not null || s["state"]?["terminated"] is not null || Meta.Long(s["restartCount"]) > 0);
        var finished = statuses.Count > 0 && terminated.All(t => t is not null) && restartPolicy != "Always";
        var phase = finished
            ? (terminated.All(t => Meta.Long(t!["exitCode"]) == 0) ? "Succeeded" : "Failed")
            : everRan ? "Running" : "Pending";
        var timestamp = Meta.Timestamp(now);
        var unready = string.Join(' ', statuses.Where(s => s["ready"]?.GetValue<bool>() != true).Select(s => Meta.Str(s, "name")));
        var notReadyReason = phase is "Succeeded" or "Failed" ? "PodCompleted" : "ContainersNotReady";
        var notReadyMessage = $"containers with unready status: [{unready}]";
        var conditions = new JsonArray(
            Condition(previous, "PodReadyToStartContainers", "True", null, null, timestamp),
            Condition(previous, "Initialized", "True", null, null, timestamp),
            Condition(previous, "Ready", allReady ? "True" : "False", allReady ? null : notReadyReason, notReadyMessage, timestamp),
            Condition(previous, "ContainersReady", allReady ? "True" : "False", allReady ? null : notReadyReason, notReadyMessage, timestamp),
            Condition(previous, "PodScheduled", "True", null, null, timestamp));
        var ip = PodIp(Meta.Uid(pod));
        return new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = conditions,
            ["hostIP"] = "192.168.49.2",
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = "192.168.49.2" }),
            ["podIP"] = ip,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["startTime"] = previous["startTime"]?.DeepClone() ?? timestamp,
            ["containerStatuses"] = containerStatuses,
            ["qosClass"] = previous["qosClass"]?.DeepClone() ?? "BestEffort",
        };
    }

    private static JsonObject Condition(JsonObject previous, string type, string status, string? reason, string? message, string now)
    {
        var old = ControllerTools.Condition(previous, type);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastTransitionTime"] = old is not null && Meta.Str(old, "status") == status ? Meta.Str(old, "lastTransitionTime") : now,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }
        return condition;
    }

    private static string PodIp(string uid)
    {
        var hash = (uint)uid.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return string.Create(CultureInfo.InvariantCulture, $"10.244.{(hash >> 8) % 250}.{(hash % 250) + 2}");
    }
}
