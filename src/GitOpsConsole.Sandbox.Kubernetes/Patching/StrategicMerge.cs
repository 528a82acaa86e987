using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Apply;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Patching;

/// <summary>
/// Strategic merge patch: maps merge recursively, keyed lists merge item by item, scalar sets
/// union, other lists are replaced; honours $patch, $retainKeys, $setElementOrder and
/// $deleteFromPrimitiveList. Server-side apply reuses it to merge an applied configuration.
/// </summary>
internal sealed class StrategicMerge(string kind, bool builtIn)
{
    private const string SetOrderPrefix = "$setElementOrder/";
    private const string DeletePrimitivePrefix = "$deleteFromPrimitiveList/";

    public JsonObject Apply(JsonObject target, JsonObject patch) => MergeMap(target, patch, []) ?? new JsonObject();

    private JsonObject? MergeMap(JsonObject target, JsonObject patch, List<string> names)
    {
        switch (Meta(patch, "$patch"))
        {
            case "replace":
                return Clean(patch, names);
            case "delete":
                return null;
            case { } other:
                throw ApiException.BadRequest($"unknown patch directive \"$patch\": \"{other}\"");
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }
            var path = names.Append(key).ToList();
            switch (value)
            {
                case null:
                    target.Remove(key);
                    break;
                case JsonObject map:
                    var existing = target[key] as JsonObject;
                    var merged = MergeMap(existing ?? new JsonObject(), map, path);
                    if (merged is null)
                    {
                        target.Remove(key);
                    }
                    else if (!ReferenceEquals(merged, existing))
                    {
                        target[key] = merged.Parent is null ? merged : merged.DeepClone();
                    }
                    break;
                case JsonArray list:
                    target[key] = MergeList(target[key] as JsonArray, list, path);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }
        foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(DeletePrimitivePrefix, StringComparison.Ordinal)).ToList())
        {
            var field = key[DeletePrimitivePrefix.Length..];
            if (target[field] is JsonArray existing && value is JsonArray remove)
            {
                target[field] = new JsonArray([.. existing.Where(i => !remove.Any(r => JsonNode.DeepEquals(r, i))).Select(i => i?.DeepClone())]);
            }
        }
        foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(SetOrderPrefix, StringComparison.Ordinal)).ToList())
        {
            var field = key[SetOrderPrefix.Length..];
            if (target[field] is JsonArray existing && value is JsonArray order)
            {
                target[field] = Reorder(existing, order, PatchMeta.For(kind, builtIn, [.. names, field]));
            }
        }
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }
        return target;
    }

    private JsonArray MergeList(JsonArray? target, JsonArray patch, List<string> names)
    {
        var list = PatchMeta.For(kind, builtIn, names);
        if (list.Merge == ListMerge.Atomic || target is null
            || patch.OfType<JsonObject>().Any(i => Meta(i, "$patch") == "replace"))
        {
            return new JsonArray([.. patch.Where(i => !(i is JsonObject o && Meta(o, "$patch") == "replace"))
                .Select(i => i is JsonObject o ? Clean(o, names) : i?.DeepClone())]);
        }
        var result = new JsonArray([.. target.Select(i => i?.DeepClone())]);
        if (list.Merge == ListMerge.Set)
        {
            foreach (var item in patch.Where(item => !result.Any(r => JsonNode.DeepEquals(r, item))))
            {
                result.Add(item?.DeepClone());
            }
            return result;
        }
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                throw ApiException.BadRequest($"list {string.Join('.', names)} merges by key \"{list.Key}\" and its items must be objects");
            }
            var match = result.OfType<JsonObject>().FirstOrDefault(r => JsonNode.DeepEquals(r[list.Key!], patchItem[list.Key!]));
            if (Meta(patchItem, "$patch") == "delete")
            {
                if (match is not null)
                {
                    result.Remove(match);
                }
                continue;
            }
            if (match is null)
            {
                result.Add(Clean(patchItem, names));
            }
            else
            {
                var index = result.IndexOf(match);
                var merged = MergeMap((JsonObject)match.DeepClone(), patchItem, names);
                result[index] = merged;
            }
        }
        return result;
    }

    private static JsonArray Reorder(JsonArray existing, JsonArray order, ListKind list)
    {
        string? Identity(JsonNode? node) => FieldPaths.ItemElement(node, list) ?? node?.ToJsonString();
        var items = existing.Select(i => i?.DeepClone()).ToList();
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var id = Identity(wanted);
            var at = items.FindIndex(i => Identity(i) == id);
            if (at >= 0)
            {
                ordered.Add(items[at]);
                items.RemoveAt(at);
            }
        }
        return new JsonArray([.. ordered, .. items]);
    }

    // Removes directives from content that is inserted rather than merged.
    private JsonObject Clean(JsonObject source, List<string> names) => MergeMap(new JsonObject(), WithoutReplace(source), names) ?? new JsonObject();

    private static JsonObject WithoutReplace(JsonObject source)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove("$patch");
        return copy;
    }

    private static string? Meta(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
