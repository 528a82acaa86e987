using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Patching;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>
/// Walks an object and lists its leaf field paths in FieldsV1 form, using the list merge metadata
/// to name list items by key ("k:") or value ("v:"). Server-owned metadata is left out.
/// </summary>
internal static class FieldPaths
{
    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
        "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink",
    };

    public static FieldSet Of(JsonObject obj, string kind, bool builtIn)
    {
        var set = new FieldSet();
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }
            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var (field, v) in metadata)
                {
                    if (!ServerMetadata.Contains(field))
                    {
                        Walk(v, "f:metadata" + FieldSet.Separator + "f:" + field, ["metadata", field], kind, builtIn, set);
                    }
                }
                continue;
            }
            Walk(value, "f:" + name, [name], kind, builtIn, set);
        }
        return set;
    }

    private static void Walk(JsonNode? value, string path, List<string> names, string kind, bool builtIn, FieldSet set)
    {
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (field, child) in o)
                {
                    Walk(child, path + FieldSet.Separator + "f:" + field, [.. names, field], kind, builtIn, set);
                }
                break;
            case JsonArray a when a.Count > 0:
                var list = PatchMeta.For(kind, builtIn, names);
                if (list.Merge == ListMerge.Atomic)
                {
                    set.Add(path);
                    break;
                }
                foreach (var item in a)
                {
                    var element = ItemElement(item, list);
                    if (element is null)
                    {
                        set.Add(path);
                        break;
                    }
                    var itemPath = path + FieldSet.Separator + element;
                    set.Add(itemPath);
                    if (item is JsonObject fields && list.Merge == ListMerge.Keyed)
                    {
                        foreach (var (field, child) in fields)
                        {
                            Walk(child, itemPath + FieldSet.Separator + "f:" + field, [.. names, field], kind, builtIn, set);
                        }
                    }
                }
                break;
            default:
                set.Add(path);
                break;
        }
    }

    /// <summary>The path element naming a list item: k:{key} for keyed lists, v:value for sets.</summary>
    public static string? ItemElement(JsonNode? item, ListKind list)
    {
        if (list.Merge == ListMerge.Set)
        {
            return item is JsonValue ? "v:" + item.ToJsonString() : null;
        }
        if (item is not JsonObject o || o[list.Key!] is not JsonValue key)
        {
            return null;
        }
        return "k:" + JsonSerializer.Serialize(new JsonObject { [list.Key!] = key.DeepClone() });
    }
}
