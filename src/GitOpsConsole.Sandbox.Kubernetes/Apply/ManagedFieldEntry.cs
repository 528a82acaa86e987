using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>One metadata.managedFields entry: who owns which fields, through which operation.</summary>
internal sealed class ManagedFieldEntry
{
    public required string Manager { get; init; }
    public required string Operation { get; init; }
    public string? Subresource { get; init; }
    public string? ApiVersion { get; set; }
    public string? Time { get; set; }
    public required FieldSet Fields { get; init; }

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    public static List<ManagedFieldEntry> Read(JsonObject? obj)
    {
        var entries = new List<ManagedFieldEntry>();
        foreach (var item in (obj?["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            entries.Add(new ManagedFieldEntry
            {
                Manager = Meta.Str(item, "manager") ?? "",
                Operation = Meta.Str(item, "operation") ?? "Update",
                Subresource = Meta.Str(item, "subresource"),
                ApiVersion = Meta.Str(item, "apiVersion"),
                Time = Meta.Str(item, "time"),
                Fields = FieldSet.FromFieldsV1(item["fieldsV1"]),
            });
        }
        return entries;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldEntry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => !e.Fields.IsEmpty))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = entry.Fields.ToFieldsV1(),
            };
            if (!string.IsNullOrEmpty(entry.Subresource))
            {
                json["subresource"] = entry.Subresource;
            }
            array.Add(json);
        }
        if (array.Count == 0)
        {
            Meta.Metadata(obj).Remove("managedFields");
        }
        else
        {
            Meta.Metadata(obj)["managedFields"] = array;
        }
    }
}
