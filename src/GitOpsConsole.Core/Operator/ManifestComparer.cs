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
        var walk = new Walk();
        foreach (var (name, value) in desired)
        {
            if (name is "status" or "apiVersion" or "kind")
            {
                continue;
            }

            walk.Enter(name);
            if (name == "metadata" && value is JsonObject metadata)
            {
                var liveMetadata = live["metadata"] as JsonObject;
                foreach (var (field, fieldValue) in metadata)
                {
                    if (!ServerMetadata.Contains(field))
                    {
                        walk.Enter(field);
                        CompareNode(walk, fieldValue, liveMetadata?[field]);
                        walk.Leave();
                    }
                }
            }
            else
            {
                CompareField(walk, name, value, live[name]);
            }

            walk.Leave();
        }

        return walk.Diffs;
    }

    // A list's merge key depends on the field that holds it, so lists are compared knowing their field's name.
    private static void CompareField(Walk walk, string field, JsonNode? desired, JsonNode? live)
    {
        if (desired is JsonArray list)
        {
            CompareArray(walk, field, list, live as JsonArray);
            return;
        }

        CompareNode(walk, desired, live);
    }

    private static void CompareNode(Walk walk, JsonNode? desired, JsonNode? live)
    {
        switch (desired)
        {
            case null:
                // A null in an applied manifest sets nothing (server-side apply drops it).
                return;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    walk.Enter(name);
                    CompareField(walk, name, value, (live as JsonObject)?[name]);
                    walk.Leave();
                }

                return;
            case JsonArray array:
                CompareArray(walk, "", array, live as JsonArray);
                return;
            default:
                if (!ScalarEquals(desired, live))
                {
                    walk.Add(desired.ToJsonString(), live?.ToJsonString());
                }

                return;
        }
    }

    private static void CompareArray(Walk walk, string field, JsonArray desired, JsonArray? live)
    {
        var items = desired.OfType<JsonObject>().ToList();
        var key = items.Count == desired.Count && items.Count > 0
            ? MergeKeysByField.GetValueOrDefault(field, DefaultMergeKeys).FirstOrDefault(k => items.All(i => i[k] is JsonValue))
            : null;
        if (key is not null)
        {
            foreach (var item in items)
            {
                var match = live?.OfType<JsonObject>().FirstOrDefault(l => ScalarEquals(item[key], l[key]));
                walk.EnterItem(key, item[key]!);
                if (match is null)
                {
                    walk.Add(item.ToJsonString(), null);
                }
                else
                {
                    CompareNode(walk, item, match);
                }

                walk.Leave();
            }

            return;
        }

        if (items.Count == 0)
        {
            // Lists of scalars are atomic: the whole list either matches or it does not.
            if (desired.Count > 0 && (live is null || !JsonNode.DeepEquals(desired, live)))
            {
                walk.Add(desired.ToJsonString(), live?.ToJsonString());
            }

            return;
        }

        for (var i = 0; i < desired.Count; i++)
        {
            walk.EnterIndex(i);
            CompareNode(walk, desired[i], live is not null && i < live.Count ? live[i] : null);
            walk.Leave();
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

    /// <summary>
    /// The path being compared, kept as parts and spelled out only when a field differs: a sweep compares every field
    /// of ten thousand objects and nearly all are equal, so building each path string up front was most of its garbage.
    /// </summary>
    private sealed class Walk
    {
        private readonly List<(string Text, PartKind Kind)> _parts = [];

        private enum PartKind
        {
            Field,
            Index,
            Item,
        }

        public List<FieldDiff> Diffs { get; } = [];

        public void Enter(string field) => _parts.Add((field, PartKind.Field));

        public void EnterIndex(int index) => _parts.Add((index.ToString(CultureInfo.InvariantCulture), PartKind.Index));

        public void EnterItem(string key, JsonNode id) => _parts.Add((key + "=" + id.ToJsonString().Trim('"'), PartKind.Item));

        public void Leave() => _parts.RemoveAt(_parts.Count - 1);

        public void Add(string desired, string? live) => Diffs.Add(new FieldDiff(Path(), desired, live));

        private string Path()
        {
            var text = new System.Text.StringBuilder();
            foreach (var (part, kind) in _parts)
            {
                text.Append(kind == PartKind.Field ? Segment(part) : $"[{part}]");
            }

            return text.ToString().TrimStart('.');
        }
    }
}
