using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// Server-side printing (meta.k8s.io Table), which `kubectl get` asks for so its columns match a
/// real cluster's (READY, STATUS, RESTARTS…) instead of the bare NAME/AGE fallback.
/// </summary>
internal static class TableFormat
{
    public static bool Requested(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject ForList(ResourceType type, ListPage page, DateTimeOffset now, string? includeObject = null)
    {
        var table = Envelope(type, page.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        if (page.Continue is not null)
        {
            ((JsonObject)table["metadata"]!)["continue"] = page.Continue;
        }
        var rows = (JsonArray)table["rows"]!;
        foreach (var item in page.Items)
        {
            rows.Add(Row(type, item, now, includeObject));
        }
        return table;
    }

    public static JsonObject ForObject(ResourceType type, StoredObject stored, DateTimeOffset now, string? includeObject = null)
    {
        var table = Envelope(type, stored.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        ((JsonArray)table["rows"]!).Add(Row(type, stored, now, includeObject));
        return table;
    }

    private static JsonObject Envelope(ResourceType type, string resourceVersion)
    {
        var columns = new JsonArray();
        foreach (var column in TableColumns.For(type))
        {
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Name == "Name" ? "name" : "",
                ["description"] = column.Name,
                ["priority"] = column.Priority,
            });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = columns,
            ["rows"] = new JsonArray(),
        };
    }

    private static JsonObject Row(ResourceType type, StoredObject stored, DateTimeOffset now, string? includeObject)
    {
        var cells = new JsonArray();
        foreach (var column in TableColumns.For(type))
        {
            cells.Add(column.Cell(stored.Node, now));
        }
        var row = new JsonObject { ["cells"] = cells };
        if (includeObject == "Object")
        {
            row["object"] = stored.CloneNode();
        }
        else if (includeObject != "None")
        {
            row["object"] = new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = stored.Node["metadata"]?.DeepClone(),
            };
        }
        return row;
    }
}
