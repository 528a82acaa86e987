using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Compares only what the manifest says: every field it sets must have the same live value. Fields the
/// server fills in (status, managedFields, resourceVersion, uid, defaults the manifest leaves out) never
/// count, so a freshly applied object compares equal and only real drift shows. Lists of objects are matched
/// by their merge key (name, port…) when every item has one, else by position.
/// </summary>
public static class ManifestComparer
{
    // Kubernetes' strategic-merge keys for the lists where "name" is not the key (or not always present).
    private static readonly Dictionary<string, string[]> MergeKeysByField = new(StringComparer.Ordinal)
    {
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["ports"] = ["containerPort", "port"],
        ["hostAliases"] = ["ip"],
        ["conditions"] = ["type"],
        ["topologySpreadConstraints"] = ["topologyKey"],
    };

    private static readonly string[] DefaultMergeKeys = ["name"];

    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    };

    public static IReadOnlyList<FieldDiff> Compare(JsonObject desired, JsonObject live)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(live);
        var diffs = new List<FieldDiff>();
        foreach (var (name, value) in desired)
        {
            if (name is "status" or "apiVersion" or "kind")
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                var liveMetadata = live["metadata"] as JsonObject;
                foreach (var (field, fieldValue) in metadata.Where(p => !ServerMetadata.Contains(p.Key)))
                {
                    CompareNode("metadata" + Segment(field), fieldValue, liveMetadata?[field], diffs);
                }

                continue;
            }

            CompareField(Segment(name).TrimStart('.'), name, value, live[name], diffs);
        }

        return diffs;
    }

    // A list's merge key depends on the field that holds it, so lists are compared knowing their field's name.
    private static void CompareField(string path, string field, JsonNode? desired, JsonNode? live, List<FieldDiff> diffs)
    {
        if (desired is JsonArray list)
        {
            CompareArray(path, field, list, live as JsonArray, diffs);
            return;
        }

        CompareNode(path, desired, live, diffs);
    }

    private static void CompareNode(string path, JsonNode? desired, JsonNode? live, List<FieldDiff> diffs)
    {
        switch (desired)
        {
            case null:
                // A null in an applied manifest sets nothing (server-side apply drops it).
                return;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    CompareField(path + Segment(name), name, value, (live as JsonObject)?[name], diffs);
                }

                return;
            case JsonArray array:
                CompareArray(path, "", array, live as JsonArray, diffs);
                return;
            default:
                if (!ScalarEquals(desired, live))
                {
                    diffs.Add(new FieldDiff(path, desired.ToJsonString(), live?.ToJsonString()));
                }

                return;
        }
    }

    private static void CompareArray(string path, string field, JsonArray desired, JsonArray? live, List<FieldDiff> diffs)
    {
        var items = desired.OfType<JsonObject>().ToList();
        var key = items.Count == desired.Count && items.Count > 0
            ? MergeKeysByField.GetValueOrDefault(field, DefaultMergeKeys).FirstOrDefault(k => items.All(i => i[k] is JsonValue))
            : null;
        if (key is not null)
        {
            foreach (var item in items)
            {
                var id = item[key]!.ToJsonString().Trim('"');
                var match = live?.OfType<JsonObject>().FirstOrDefault(l => ScalarEquals(item[key], l[key]));
                var itemPath = $"{path}[{key}={id}]";
                if (match is null)
                {
                    diffs.Add(new FieldDiff(itemPath, item.ToJsonString(), null));
                    continue;
                }

                CompareNode(itemPath, item, match, diffs);
            }

            return;
        }

        if (items.Count == 0)
        {
            // Lists of scalars are atomic: the whole list either matches or it does not.
            if (desired.Count > 0 && (live is null || !JsonNode.DeepEquals(desired, live)))
            {
                diffs.Add(new FieldDiff(path, desired.ToJsonString(), live?.ToJsonString()));
            }

            return;
        }

        for (var i = 0; i < desired.Count; i++)
        {
            CompareNode(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), desired[i], live is not null && i < live.Count ? live[i] : null, diffs);
        }
    }

    private static bool ScalarEquals(JsonNode? desired, JsonNode? live)
    {
        if (desired is not JsonValue a || live is not JsonValue b)
        {
            return desired is null && live is null;
        }

        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return JsonNode.DeepEquals(a, b);
    }

    private static string Segment(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? "." + name : $"[\"{name}\"]";
}
