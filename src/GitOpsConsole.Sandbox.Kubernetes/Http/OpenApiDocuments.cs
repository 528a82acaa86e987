using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Registry;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// A minimal OpenAPI v3 surface: per group-version documents whose PATCH operations declare the
/// fieldValidation parameter. kubectl only needs that to trust the server with validation
/// (otherwise it insists on downloading a full OpenAPI v2 schema to validate client-side).
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Root(IReadOnlyList<ResourceType> types)
    {
        var paths = new JsonObject();
        foreach (var gv in types.Select(t => t.GroupVersion).Distinct(StringComparer.Ordinal))
        {
            var key = gv.Contains('/', StringComparison.Ordinal) ? "apis/" + gv : "api/" + gv;
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(gv, types)}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? GroupVersion(IReadOnlyList<ResourceType> types, string relative)
    {
        var gv = relative.StartsWith("apis/", StringComparison.Ordinal) ? relative[5..]
            : relative.StartsWith("api/", StringComparison.Ordinal) ? relative[4..] : null;
        var served = types.Where(t => t.GroupVersion == gv).ToList();
        if (served.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        foreach (var type in served)
        {
            var prefix = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.GroupVersion}";
            var path = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}/{{name}}" : $"{prefix}/{type.Plural}/{{name}}";
            paths[path] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
                    ["parameters"] = new JsonArray(
                        new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
                        new JsonObject { ["name"] = "fieldManager", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
                        new JsonObject { ["name"] = "force", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "boolean" } }),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static string Hash(string gv, IReadOnlyList<ResourceType> types) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            gv + string.Join(',', types.Where(t => t.GroupVersion == gv).Select(t => t.Plural))))).ToLowerInvariant()[..16];
}
