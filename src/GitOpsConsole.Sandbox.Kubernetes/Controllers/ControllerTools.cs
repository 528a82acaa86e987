using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Ownership and condition helpers the controllers share.</summary>
internal static class ControllerTools
{
    /// <summary>Live (not terminating) objects of a type whose controller reference is the owner.</summary>
    public static List<StoredObject> Owned(ObjectStore store, ResourceType type, string ownerUid, bool includeTerminating = false) =>
        [.. store.Dependents(ownerUid)
            .Where(d => d.StorageKey == type.StorageKey)
            .Select(d => store.Get(d.StorageKey, d.Namespace, d.Name))
            .OfType<StoredObject>()
            .Where(o => Meta.ControllerUid(o.Node) == ownerUid && (includeTerminating || !Meta.IsTerminating(o.Node)))];

    public static JsonArray ControllerReference(ResourceType ownerType, StoredObject owner) => new(new JsonObject
    {
        ["apiVersion"] = ownerType.ApiVersion,
        ["kind"] = ownerType.Kind,
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    /// <summary>Sets a condition, keeping lastTransitionTime when the status does not change.</summary>
    public static void SetCondition(JsonObject status, string type, string value, string reason, string message, string now, bool touchUpdate = true)
    {
        var conditions = status["conditions"] as JsonArray;
        if (conditions is null)
        {
            conditions = [];
            status["conditions"] = conditions;
        }
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => Meta.Str(c, "type") == type);
        var transition = existing is not null && Meta.Str(existing, "status") == value ? Meta.Str(existing, "lastTransitionTime") ?? now : now;
        var lastUpdate = !touchUpdate && existing is not null ? Meta.Str(existing, "lastUpdateTime") ?? now : now;
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastUpdateTime"] = lastUpdate,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }

    public static JsonObject? Condition(JsonNode? status, string type) =>
        (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => Meta.Str(c, "type") == type);

    public static bool IsPodReady(JsonObject pod) => Meta.Str(Condition(pod["status"], "Ready"), "status") == "True";

    public static int Replicas(JsonObject obj) => Meta.Int(obj["spec"]?["replicas"], 1);
}
