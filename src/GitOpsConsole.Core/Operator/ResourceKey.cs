using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>Identifies one Kubernetes object the way drift findings and the API name it (§5: group, kind, namespace, name).</summary>
/// <param name="Namespace">Empty for cluster-scoped objects.</param>
public sealed record ResourceKey(string Group, string Kind, string Namespace, string Name)
{
    /// <summary>The key of a manifest or live object; missing fields become empty strings.</summary>
    public static ResourceKey Of(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ResourceKey(
            GroupOf(JsonRead.Str(manifest, "apiVersion") ?? ""),
            JsonRead.Str(manifest, "kind") ?? "",
            JsonRead.Str(manifest, "metadata", "namespace") ?? "",
            JsonRead.Str(manifest, "metadata", "name") ?? "");
    }

    /// <summary>The API group of an apiVersion: "apps/v1" → "apps", "v1" → "" (the core group).</summary>
    public static string GroupOf(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }

    public override string ToString() =>
        $"{(Group.Length == 0 ? "" : Group + "/")}{Kind} {(Namespace.Length == 0 ? "" : Namespace + "/")}{Name}";
}
