using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Persistence;

/// <summary>Replays snapshot then log into the final set of objects and the highest resourceVersion seen.</summary>
internal sealed class StateReader(string snapshotPath, string logPath)
{
    public (List<(string StorageKey, JsonObject Node)> Objects, long ResourceVersion) Read()
    {
        var objects = new Dictionary<(string, string), (string, JsonObject)>();
        long resourceVersion = 0;
        foreach (var line in Lines(snapshotPath))
        {
            if (line["resourceVersion"] is { } rv && line["o"] is null)
            {
                resourceVersion = Math.Max(resourceVersion, Meta.Long(rv));
                continue;
            }
            Put(objects, line, ref resourceVersion);
        }
        foreach (var line in Lines(logPath))
        {
            if (Meta.Str(line, "op") == "del")
            {
                var key = Meta.Str(line, "k") ?? "";
                objects.Remove((key, StoredObject.ObjectKey(Meta.Str(line, "ns"), Meta.Str(line, "n") ?? "")));
                resourceVersion = Math.Max(resourceVersion, Meta.Long(line["rv"]));
            }
            else
            {
                Put(objects, line, ref resourceVersion);
            }
        }
        return ([.. objects.Values], resourceVersion);
    }

    private static void Put(Dictionary<(string, string), (string, JsonObject)> objects, JsonObject line, ref long resourceVersion)
    {
        if (Meta.Str(line, "k") is not { } storageKey || line["o"] is not JsonObject node)
        {
            return;
        }
        line.Remove("o");
        objects[(storageKey, StoredObject.ObjectKey(Meta.Namespace(node), Meta.Name(node)))] = (storageKey, node);
        resourceVersion = Math.Max(resourceVersion, Meta.Long(node["metadata"]?["resourceVersion"]));
    }

    // A line cut short by a crash mid-write is the last one; it is skipped rather than failing the start.
    private static IEnumerable<JsonObject> Lines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        foreach (var text in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            JsonObject? line;
            try
            {
                line = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                continue;
            }
            if (line is not null)
            {
                yield return line;
            }
        }
    }
}
