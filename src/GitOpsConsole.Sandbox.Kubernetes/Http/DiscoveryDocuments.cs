using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Registry;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>The legacy discovery documents (/api, /apis, /apis/{g}, resource lists) kubectl and clients read.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(IReadOnlyList<ResourceType> types) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(types).Select(g => (JsonNode)Group(g.Key, g.Value))]),
    };

    public static JsonObject? Group(IReadOnlyList<ResourceType> types, string group) =>
        Groups(types).TryGetValue(group, out var versions) ? Group(group, versions) : null;

    public static JsonObject? ResourceList(IReadOnlyList<ResourceType> types, string group, string version)
    {
        var served = types.Where(t => t.Group == group && t.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var type in served)
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray([.. AllVerbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames.Count > 0)
            {
                resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
            }
            if (type.Categories is { Count: > 0 } categories)
            {
                resource["categories"] = new JsonArray([.. categories.Select(s => (JsonNode)s)]);
            }
            resources.Add(resource);
            if (type.HasStatus)
            {
                resources.Add(Subresource(type, "status", null, type.Kind));
            }
            if (type.HasScale)
            {
                resources.Add(Subresource(type, "scale", "autoscaling", "Scale"));
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Subresource(ResourceType type, string name, string? group, string kind)
    {
        var resource = new JsonObject
        {
            ["name"] = $"{type.Plural}/{name}",
            ["singularName"] = "",
            ["namespaced"] = type.Namespaced,
            ["kind"] = kind,
            ["verbs"] = new JsonArray([.. SubresourceVerbs.Select(v => (JsonNode)v)]),
        };
        if (group is not null)
        {
            resource["group"] = group;
            resource["version"] = "v1";
        }
        return resource;
    }

    private static SortedDictionary<string, List<string>> Groups(IReadOnlyList<ResourceType> types)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in types.Where(t => t.Group.Length > 0))
        {
            if (!groups.TryGetValue(type.Group, out var versions))
            {
                versions = [];
                groups[type.Group] = versions;
            }
            if (!versions.Contains(type.Version))
            {
                versions.Add(type.Version);
            }
        }
        return groups;
    }

    private static JsonObject Group(string name, List<string> versions)
    {
        JsonObject Entry(string v) => new() { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Entry(v))]),
            ["preferredVersion"] = Entry(versions[0]),
        };
    }
}
