using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>The pod columns whose text kubectl derives from container statuses.</summary>
internal static class PodCells
{
    private static IEnumerable<JsonObject> Statuses(JsonObject pod) =>
        (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>();

    public static JsonNode Ready(JsonObject pod, DateTimeOffset now)
    {
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = Statuses(pod).Count(s => s["ready"]?.GetValue<bool>() == true);
        return $"{ready}/{total}";
    }

    public static JsonNode Status(JsonObject pod, DateTimeOffset now)
    {
        if (Meta.IsTerminating(pod))
        {
            return "Terminating";
        }
        foreach (var status in Statuses(pod))
        {
            if (Meta.Str(status["state"]?["waiting"], "reason") is { Length: > 0 } waiting)
            {
                return waiting;
            }
            if (Meta.Str(status["state"]?["terminated"], "reason") is { Length: > 0 } terminated)
            {
                return terminated;
            }
        }
        return Meta.Str(pod["status"], "phase") ?? "Pending";
    }

    public static JsonNode Restarts(JsonObject pod, DateTimeOffset now)
    {
        var restarts = Statuses(pod).Sum(s => Meta.Long(s["restartCount"]));
        var last = Statuses(pod).Select(s => Meta.ParseTime(s["lastState"]?["terminated"]?["finishedAt"])).Max();
        return restarts > 0 && last is not null ? $"{restarts} ({Duration.Age(last, now)} ago)" : restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
