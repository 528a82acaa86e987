using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Maps apiVersion + kind to the resource's plural and scope with the API server's discovery documents,
/// cached per group/version. A kind missing from a cached document is looked up again once, because a
/// CRD applied a moment ago adds kinds the cache has not seen.
/// </summary>
internal sealed class ResourceDiscovery(KubeApi api)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ApiResource>> _byGroupVersion = new(StringComparer.Ordinal);

    public async Task<ApiResource?> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var found = (await GroupVersionAsync(apiVersion, refresh: false, cancellationToken)).FirstOrDefault(r => r.Kind == kind);
        return found ?? (await GroupVersionAsync(apiVersion, refresh: true, cancellationToken)).FirstOrDefault(r => r.Kind == kind);
    }

    /// <summary>Every type that can be listed, preferring each group's preferred version; what pruning scans for owned objects.</summary>
    public async Task<IReadOnlyList<ApiResource>> ListableAsync(CancellationToken cancellationToken)
    {
        var versions = new List<string>();
        if (await api.GetAsync("/api", cancellationToken) is { } core)
        {
            versions.AddRange(JsonRead.Node(core, "versions") is JsonArray list ? list.Select(v => v?.GetValue<string>()).OfType<string>().Take(1) : []);
        }

        if (await api.GetAsync("/apis", cancellationToken) is { } groups)
        {
            versions.AddRange(JsonRead.Objects(groups, "groups")
                .Select(g => JsonRead.Str(g, "preferredVersion", "groupVersion"))
                .OfType<string>());
        }

        var resources = new List<ApiResource>();
        foreach (var version in versions)
        {
            resources.AddRange((await GroupVersionAsync(version, refresh: false, cancellationToken)).Where(r => r.Listable));
        }

        return resources;
    }

    private async Task<IReadOnlyList<ApiResource>> GroupVersionAsync(string apiVersion, bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _byGroupVersion.TryGetValue(apiVersion, out var cached))
        {
            return cached;
        }

        var group = ResourceKey.GroupOf(apiVersion);
        var version = group.Length == 0 ? apiVersion : apiVersion[(group.Length + 1)..];
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var document = await api.GetAsync(path, cancellationToken);
        IReadOnlyList<ApiResource> resources = document is null ? [] : [.. Parse(group, version, document)];
        _byGroupVersion[apiVersion] = resources;
        return resources;
    }

    private static IEnumerable<ApiResource> Parse(string group, string version, JsonObject document) =>
        JsonRead.Objects(document, "resources")
            .Where(r => JsonRead.Str(r, "name") is { } name && !name.Contains('/', StringComparison.Ordinal))
            .Select(r => new ApiResource(
                group,
                version,
                JsonRead.Str(r, "kind") ?? "",
                JsonRead.Str(r, "name")!,
                JsonRead.Bool(r, "namespaced"),
                JsonRead.Node(r, "verbs") is JsonArray verbs && verbs.Any(v => v?.GetValue<string>() == "list")));
}
