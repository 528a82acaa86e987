using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>The resource types a CustomResourceDefinition serves, one per served version.</summary>
internal static class CrdTypes
{
    public static IReadOnlyList<ResourceType> From(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = Meta.Str(spec, "group");
        var plural = Meta.Str(names, "plural");
        var kind = Meta.Str(names, "kind");
        if (group is null || plural is null || kind is null || Meta.IsTerminating(crd))
        {
            return [];
        }
        var versions = (spec!["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var storage = versions.FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true) ?? versions.FirstOrDefault();
        var storageVersion = Meta.Str(storage, "name") ?? "v1";
        var shortNames = (names!["shortNames"] as JsonArray ?? []).Select(s => s?.ToString() ?? "").ToList();
        var categories = (names["categories"] as JsonArray ?? []).Select(s => s?.ToString() ?? "").ToList();
        return [.. versions.Where(v => v["served"]?.GetValue<bool>() != false).Select(v => new ResourceType(
            group, Meta.Str(v, "name") ?? "v1", kind, plural, Meta.Str(names, "singular") ?? kind.ToLowerInvariant(),
            Meta.Str(spec, "scope") != "Cluster", shortNames,
            HasStatus: v["subresources"]?["status"] is not null,
            HasScale: v["subresources"]?["scale"] is not null,
            Categories: categories) { IsCustom = true, StorageVersion = storageVersion })];
    }

    /// <summary>What the API server reports once a CRD's names are accepted and it is established.</summary>
    public static void SetEstablishedStatus(JsonObject crd, string timestamp)
    {
        var status = JsonOps.Ensure(crd, "status");
        status["acceptedNames"] = crd["spec"]?["names"]?.DeepClone();
        status["storedVersions"] = new JsonArray([.. (crd["spec"]?["versions"] as JsonArray ?? [])
            .OfType<JsonObject>().Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => (JsonNode?)Meta.Str(v, "name"))]);
        status["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts", ["message"] = "no conflicts found", ["lastTransitionTime"] = timestamp },
            new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted", ["message"] = "the initial names have been accepted", ["lastTransitionTime"] = timestamp });
    }
}
