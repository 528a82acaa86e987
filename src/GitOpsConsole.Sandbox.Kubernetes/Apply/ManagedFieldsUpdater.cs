using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>
/// Ownership tracking for non-apply writes (create, update, patch): the writer takes ownership of
/// the fields it changed, other managers lose them, and removed fields leave every manager.
/// </summary>
internal static class ManagedFieldsUpdater
{
    public static void RecordUpdate(ResourceType type, JsonObject? old, JsonObject obj, WriteRequest request, DateTimeOffset now)
    {
        var entries = ManagedFieldEntry.Read(old);
        if (request.IsApply)
        {
            return;
        }
        var builtIn = !type.IsCustom;
        var before = old is null ? new FieldSet() : FieldPaths.Of(old, type.Kind, builtIn);
        var after = FieldPaths.Of(obj, type.Kind, builtIn);
        var changed = after.Paths.Where(p => !before.Contains(p) || (!IsListItem(p) && !JsonNode.DeepEquals(FieldNavigator.Find(old!, p), FieldNavigator.Find(obj, p)))).ToList();
        var removed = before.Paths.Where(p => !after.Contains(p)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            ManagedFieldEntry.Write(obj, entries);
            return;
        }
        var subresource = request.Subresource == "status" ? "status" : null;
        var mine = entries.FirstOrDefault(e => e.Is(request.FieldManager, "Update", subresource));
        if (mine is null)
        {
            mine = new ManagedFieldEntry { Manager = request.FieldManager, Operation = "Update", Subresource = subresource, Fields = new FieldSet() };
            entries.Add(mine);
        }
        foreach (var entry in entries)
        {
            foreach (var path in removed)
            {
                entry.Fields.Remove(path);
            }
            if (entry != mine)
            {
                foreach (var path in changed)
                {
                    entry.Fields.Remove(path);
                }
            }
        }
        foreach (var path in changed)
        {
            mine.Fields.Add(path);
        }
        mine.ApiVersion = type.ApiVersion;
        mine.Time = Meta.Timestamp(now);
        ManagedFieldEntry.Write(obj, entries);
    }

    // A list item's own path records that it exists; changes beneath it belong to its field paths.
    private static bool IsListItem(string path)
    {
        var last = path.LastIndexOf(FieldSet.Separator) + 1;
        return path.AsSpan(last).StartsWith("k:") || path.AsSpan(last).StartsWith("v:");
    }
}
