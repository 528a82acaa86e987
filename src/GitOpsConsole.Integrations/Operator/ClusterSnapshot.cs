using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// The cluster as a full sweep needs it, read with one list per kind: every object carrying an application
/// label, plus all ReplicaSets and Pods (workload health). Comparing a thousand applications then costs a
/// few dozen requests instead of several per object. A desired object not in the snapshot (it carries no
/// application label yet) is read from the API server.
/// </summary>
internal sealed class ClusterSnapshot : ILiveView
{
    private static readonly ApiResource Pods = new("", "v1", "Pod", "pods", Namespaced: true, Listable: true);
    private static readonly ApiResource ReplicaSets = new("apps", "v1", "ReplicaSet", "replicasets", Namespaced: true, Listable: true);

    private readonly LiveStateReader _reader;
    private readonly Dictionary<ResourceKey, LiveObject> _byKey = [];
    private readonly Dictionary<string, List<LiveObject>> _byApplication = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _podsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _replicaSetsByNamespace = new(StringComparer.Ordinal);

    private ClusterSnapshot(LiveStateReader reader) => _reader = reader;

    public static async Task<ClusterSnapshot> LoadAsync(KubeApi api, ResourceDiscovery discovery, LiveStateReader reader, CancellationToken cancellationToken)
    {
        var snapshot = new ClusterSnapshot(reader);
        var lists = (await discovery.ListableAsync(cancellationToken))
            .Select(async r => (Resource: r, Items: await api.ListAsync(r.ListPath(null, TrackingId.AppLabel), cancellationToken)))
            .ToList();
        foreach (var (resource, items) in await Task.WhenAll(lists))
        {
            foreach (var item in items)
            {
                snapshot.AddOwned(resource, item);
            }
        }

        Group(await api.ListAsync(Pods.ListPath(null, ""), cancellationToken), snapshot._podsByNamespace);
        Group(await api.ListAsync(ReplicaSets.ListPath(null, ""), cancellationToken), snapshot._replicaSetsByNamespace);
        return snapshot;
    }

    public async Task<JsonObject?> GetAsync(ApiResource resource, ResourceKey key, CancellationToken cancellationToken) =>
        _byKey.TryGetValue(key, out var found) ? found.Json : await _reader.GetAsync(resource, key, cancellationToken);

    public Task<IReadOnlyList<LiveObject>> OwnedAsync(string application, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LiveObject>>(_byApplication.TryGetValue(application, out var owned) ? owned : []);

    public Task<IReadOnlyList<JsonObject>> PodsOfAsync(JsonObject workload, CancellationToken cancellationToken)
    {
        if (JsonRead.Node(workload, "spec", "selector", "matchLabels") is not JsonObject labels || labels.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<JsonObject>>([]);
        }

        var ns = JsonRead.Str(workload, "metadata", "namespace") ?? "";
        var wanted = labels.ToDictionary(l => l.Key, l => l.Value?.GetValue<string>(), StringComparer.Ordinal);
        if (JsonRead.Str(workload, "kind") == "Deployment"
            && LiveStateReader.NewestTemplateHash(JsonRead.Str(workload, "metadata", "uid"), _replicaSetsByNamespace.GetValueOrDefault(ns) ?? []) is { } hash)
        {
            wanted[LiveStateReader.PodTemplateHashLabel] = hash;
        }

        IReadOnlyList<JsonObject> pods = [.. (_podsByNamespace.GetValueOrDefault(ns) ?? [])
            .Where(p => wanted.All(w => JsonRead.Str(p, "metadata", "labels", w.Key) == w.Value))];
        return Task.FromResult(pods);
    }

    private void AddOwned(ApiResource resource, JsonObject item)
    {
        var key = new ResourceKey(resource.Group, resource.Kind,
            JsonRead.Str(item, "metadata", "namespace") ?? "", JsonRead.Str(item, "metadata", "name") ?? "");
        var application = JsonRead.Str(item, "metadata", "labels", TrackingId.AppLabel) ?? "";
        // List items omit apiVersion and kind; the type they were listed from supplies them.
        item["apiVersion"] = resource.ApiVersion;
        item["kind"] = resource.Kind;
        var live = new LiveObject(key, resource, item);
        _byKey[key] = live;
        if (TrackingId.IsOwnedBy(JsonRead.Str(item, "metadata", "annotations", TrackingId.Annotation), application, key))
        {
            if (!_byApplication.TryGetValue(application, out var owned))
            {
                _byApplication[application] = owned = [];
            }

            owned.Add(live);
        }
    }

    private static void Group(IReadOnlyList<JsonObject> items, Dictionary<string, List<JsonObject>> byNamespace)
    {
        foreach (var item in items)
        {
            var ns = JsonRead.Str(item, "metadata", "namespace") ?? "";
            if (!byNamespace.TryGetValue(ns, out var inNamespace))
            {
                byNamespace[ns] = inNamespace = [];
            }

            inNamespace.Add(item);
        }
    }
}
