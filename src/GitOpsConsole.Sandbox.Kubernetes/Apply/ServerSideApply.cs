using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Patching;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>
/// Server-side apply: merges a manager's applied configuration into the live object, refusing
/// (409) to change fields another manager owns unless forced, and removing fields the manager
/// stopped applying when nobody else owns them.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(ResourceType type, JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now)
    {
        var builtIn = !type.IsCustom;
        var appliedSet = FieldPaths.Of(applied, type.Kind, builtIn);
        var entries = ManagedFieldEntry.Read(live);
        var mine = entries.FirstOrDefault(e => e.Is(manager, "Apply", null));
        var previous = mine?.Fields ?? new FieldSet();
        var result = live is null ? new JsonObject() : (JsonObject)live.DeepClone();
        if (live is not null)
        {
            var conflicts = FindConflicts(live, applied, appliedSet, entries.Where(e => e != mine));
            if (conflicts.Count > 0 && !force)
            {
                throw ConflictError(conflicts);
            }
            foreach (var (entry, path) in conflicts)
            {
                entry.Fields.Remove(path);
            }
        }
        var clean = (JsonObject)applied.DeepClone();
        Meta.Metadata(clean).Remove("managedFields");
        Meta.Metadata(clean).Remove("resourceVersion");
        result = new StrategicMerge(type.Kind, builtIn).Apply(result, clean);
        var others = entries.Where(e => e != mine).ToList();
        // Outermost first: removing a list item takes its fields with it (and needs its key still present to find it).
        var removed = new List<string>();
        foreach (var path in previous.Paths.Where(p => !appliedSet.Contains(p)).OrderBy(p => p.Length))
        {
            if (removed.Any(r => path.StartsWith(r + FieldSet.Separator, StringComparison.Ordinal))
                || others.Any(e => e.Fields.CoversOrBelow(path)) || appliedSet.CoversOrBelow(path))
            {
                continue;
            }
            FieldNavigator.Remove(result, path);
            removed.Add(path);
        }
        if (mine is null)
        {
            mine = new ManagedFieldEntry { Manager = manager, Operation = "Apply", Fields = appliedSet };
            entries.Add(mine);
        }
        else
        {
            entries[entries.IndexOf(mine)] = mine = new ManagedFieldEntry { Manager = manager, Operation = "Apply", Fields = appliedSet };
        }
        mine.ApiVersion = type.ApiVersion;
        mine.Time = Meta.Timestamp(now);
        ManagedFieldEntry.Write(result, entries);
        return result;
    }

    private static List<(ManagedFieldEntry Entry, string Path)> FindConflicts(
        JsonObject live, JsonObject applied, FieldSet appliedSet, IEnumerable<ManagedFieldEntry> others)
    {
        var conflicts = new List<(ManagedFieldEntry, string)>();
        foreach (var entry in others)
        {
            foreach (var path in appliedSet.Paths)
            {
                // Owning a list item's key entry only records that the item exists; values are compared at its fields.
                if (!entry.Fields.Contains(path) || IsKeyedItem(path))
                {
                    continue;
                }
                if (!JsonNode.DeepEquals(FieldNavigator.Find(live, path), FieldNavigator.Find(applied, path)))
                {
                    conflicts.Add((entry, path));
                }
            }
        }
        return conflicts;
    }

    private static bool IsKeyedItem(string path) => path.AsSpan(path.LastIndexOf(FieldSet.Separator) + 1).StartsWith("k:");

    private static ApiException ConflictError(List<(ManagedFieldEntry Entry, string Path)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (entry, path) in conflicts)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{entry.Manager}\" using {entry.ApiVersion}",
                ["field"] = Readable(path),
            });
        }
        var lines = conflicts.GroupBy(c => c.Entry.Manager)
            .Select(g => $"conflict{(g.Count() > 1 ? "s" : "")} with \"{g.Key}\" using {g.First().Entry.ApiVersion}:"
                + (g.Count() == 1 ? " " + Readable(g.First().Path) : string.Concat(g.Select(c => "\n- " + Readable(c.Path)))));
        var count = conflicts.Count;
        var message = $"Apply failed with {count} conflict{(count > 1 ? "s" : "")}: {string.Join("\n", lines)}";
        return new ApiException(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }

    /// <summary>The dotted form Kubernetes prints: .spec.containers[name="web"].image.</summary>
    public static string Readable(string path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in path.Split(FieldSet.Separator))
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(element[2..]);
            }
            else if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
            {
                text.Append('[').AppendJoin(',', key.Select(k => $"{k.Key}={k.Value?.ToJsonString()}")).Append(']');
            }
            else
            {
                text.Append('[').Append(element[2..]).Append(']');
            }
        }
        return text.ToString();
    }
}
