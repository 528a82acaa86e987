using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Reads <c>metadata.managedFields</c> to tell whether another writer has taken a field over on purpose: a
/// controller that keeps writing it (the HPA's <c>kube-controller-manager</c> on <c>spec.replicas</c>) or
/// another declarative applier (server-side apply). A person's <c>kubectl scale</c> or <c>kubectl edit</c> also
/// takes ownership, but that is exactly the drift the console must show, so plain updates by clients are not
/// enough to leave a field alone.
/// </summary>
public static class FieldOwnership
{
    public const string OwnManager = "gitops-console";

    /// <summary>Managers that own fields as controllers: what they set is theirs to keep.</summary>
    public static readonly IReadOnlySet<string> ControllerManagers = new HashSet<string>(StringComparer.Ordinal)
    {
        "kube-controller-manager", "horizontal-pod-autoscaler", "vpa-updater",
    };

    /// <summary>The manager that owns the field at <paramref name="segments"/> and is entitled to it, or null.</summary>
    public static string? OtherOwner(JsonObject? live, IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        foreach (var entry in JsonRead.Objects(live, "metadata", "managedFields"))
        {
            var manager = JsonRead.Str(entry, "manager") ?? "";
            var entitled = JsonRead.Str(entry, "operation") == "Apply" || ControllerManagers.Contains(manager);
            if (manager != OwnManager && entitled && Owns(entry["fieldsV1"] as JsonObject, segments))
            {
                return manager;
            }
        }

        return null;
    }

    private static bool Owns(JsonObject? fields, IReadOnlyList<string> segments)
    {
        var node = fields;
        foreach (var segment in segments)
        {
            node = node is null ? null : Child(node, segment);
            if (node is null)
            {
                return false;
            }
        }

        return node is not null;
    }

    // fieldsV1 names fields "f:<name>" and list items "k:{<merge key JSON>}"; index segments have no counterpart.
    private static JsonObject? Child(JsonObject node, string segment)
    {
        if (node["f:" + segment] is JsonObject field)
        {
            return field;
        }

        var equals = segment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var (key, value) = (segment[..equals], segment[(equals + 1)..]);
        foreach (var (name, child) in node)
        {
            if (name.StartsWith("k:", StringComparison.Ordinal) && child is JsonObject item && KeyMatches(name[2..], key, value))
            {
                return item;
            }
        }

        return null;
    }

    private static bool KeyMatches(string json, string key, string value)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject k && k[key] is JsonValue v
                && (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) == value;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
