using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>Reads what the cluster holds for an application: its desired objects, everything it owns, a workload's pods.</summary>
internal sealed class LiveStateReader(KubeApi api, ResourceDiscovery discovery) : ILiveView
{
    public Task<JsonObject?> GetAsync(ApiResource resource, ResourceKey key, CancellationToken cancellationToken) =>
        api.GetAsync(resource.ObjectPath(key.Namespace, key.Name), cancellationToken);

    /// <summary>
    /// Every object carrying this application's label whose tracking annotation names that very object. The
    /// label narrows the listing on the server; the annotation is the proof of ownership.
    /// </summary>
    public async Task<IReadOnlyList<LiveObject>> OwnedAsync(string application, CancellationToken cancellationToken)
    {
        var owned = new List<LiveObject>();
        foreach (var resource in await discovery.ListableAsync(cancellationToken))
        {
            var list = await api.GetAsync(resource.ListPath(null, $"{TrackingId.AppLabel}={application}"), cancellationToken);
            foreach (var item in JsonRead.Objects(list, "items"))
            {
                // List items omit apiVersion and kind; the type they were listed from supplies them.
                var key = new ResourceKey(resource.Group, resource.Kind,
                    JsonRead.Str(item, "metadata", "namespace") ?? "", JsonRead.Str(item, "metadata", "name") ?? "");
                if (TrackingId.IsOwnedBy(JsonRead.Str(item, "metadata", "annotations", TrackingId.Annotation), application, key))
                {
                    item["apiVersion"] = resource.ApiVersion;
                    item["kind"] = resource.Kind;
                    owned.Add(new LiveObject(key, resource, item));
                }
            }
        }

        return owned;
    }

    /// <summary>The pods a workload's selector picks in its namespace; empty when it selects by expressions only.</summary>
    public async Task<IReadOnlyList<JsonObject>> PodsOfAsync(JsonObject workload, CancellationToken cancellationToken)
    {
        if (JsonRead.Node(workload, "spec", "selector", "matchLabels") is not JsonObject labels || labels.Count == 0)
        {
            return [];
        }

        var ns = JsonRead.Str(workload, "metadata", "namespace") ?? "";
        var selector = string.Join(',', labels.Select(l => $"{l.Key}={l.Value?.GetValue<string>()}"));
        if (JsonRead.Str(workload, "kind") == "Deployment" && await NewestTemplateHashAsync(workload, ns, selector, cancellationToken) is { } hash)
        {
            // Only the current rollout's pods judge the Deployment: the crash-looping pods of a version being
            // rolled back are on their way out and must not make the rollback look Degraded.
            selector += $",{PodTemplateHashLabel}={hash}";
        }

        var pods = new ApiResource("", "v1", "Pod", "pods", Namespaced: true, Listable: true);
        var list = await api.GetAsync(pods.ListPath(ns, selector), cancellationToken);
        return [.. JsonRead.Objects(list, "items")];
    }

    internal const string PodTemplateHashLabel = "pod-template-hash";
    internal const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    /// <summary>The pod-template-hash of the Deployment's ReplicaSet with the highest revision, or null when it has none yet.</summary>
    private async Task<string?> NewestTemplateHashAsync(JsonObject deployment, string ns, string selector, CancellationToken cancellationToken)
    {
        var uid = JsonRead.Str(deployment, "metadata", "uid");
        var replicaSets = new ApiResource("apps", "v1", "ReplicaSet", "replicasets", Namespaced: true, Listable: true);
        var list = await api.GetAsync(replicaSets.ListPath(ns, selector), cancellationToken);
        return NewestTemplateHash(uid, JsonRead.Objects(list, "items"));
    }

    /// <summary>The pod-template-hash of the ReplicaSet owned by <paramref name="uid"/> with the highest revision.</summary>
    internal static string? NewestTemplateHash(string? uid, IEnumerable<JsonObject> replicaSets)
    {
        return replicaSets
            .Where(rs => JsonRead.Objects(rs, "metadata", "ownerReferences").Any(o => JsonRead.Str(o, "uid") == uid))
            .Select(rs => (Revision: long.TryParse(JsonRead.Str(rs, "metadata", "annotations", RevisionAnnotation), out var r) ? r : 0,
                Hash: JsonRead.Str(rs, "metadata", "labels", PodTemplateHashLabel)))
            .Where(rs => rs.Hash is not null)
            .OrderByDescending(rs => rs.Revision)
            .Select(rs => rs.Hash)
            .FirstOrDefault();
    }
}
