using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>Applies one object by server-side apply, or prunes one, and says what happened in the sync report's terms.</summary>
internal sealed class ObjectApplier(KubeApi api, ResourceDiscovery discovery)
{
    public async Task<ResourceSyncResult> ApplyAsync(DesiredObject item, CancellationToken cancellationToken)
    {
        // A kind declared by a CRD of this sync becomes known only once that CRD is applied.
        var resource = item.Resource ?? await discovery.ResolveAsync(
            JsonRead.Str(item.Manifest, "apiVersion") ?? "", item.Key.Kind, cancellationToken);
        if (resource is null)
        {
            return new ResourceSyncResult(item.Key, ResourceSyncOutcome.Failed,
                $"The cluster has no resource type for kind {item.Key.Kind} in {JsonRead.Str(item.Manifest, "apiVersion")} ({item.Source})");
        }

        try
        {
            var path = resource.ObjectPath(item.Key.Namespace, item.Key.Name);
            var before = await api.GetAsync(path, cancellationToken);
            var after = await api.ApplyAsync(path, item.Manifest, cancellationToken);
            if (before is null)
            {
                return new ResourceSyncResult(item.Key, ResourceSyncOutcome.Created, "created");
            }

            // The server keeps the resourceVersion when an apply changes nothing, so equal versions mean unchanged.
            var unchanged = JsonRead.Str(before, "metadata", "resourceVersion") == JsonRead.Str(after, "metadata", "resourceVersion");
            return unchanged
                ? new ResourceSyncResult(item.Key, ResourceSyncOutcome.Unchanged, "unchanged")
                : new ResourceSyncResult(item.Key, ResourceSyncOutcome.Configured, "configured");
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            return new ResourceSyncResult(item.Key, ResourceSyncOutcome.Failed, ex.Message);
        }
    }

    public async Task<ResourceSyncResult> PruneAsync(LiveObject owned, bool prune, CancellationToken cancellationToken)
    {
        if (!prune)
        {
            return new ResourceSyncResult(owned.Key, ResourceSyncOutcome.PruneSkipped, "no longer in Git; kept because prune is off");
        }

        try
        {
            await api.DeleteAsync(owned.Resource.ObjectPath(owned.Key.Namespace, owned.Key.Name), cancellationToken);
            return new ResourceSyncResult(owned.Key, ResourceSyncOutcome.Pruned, "pruned: no longer in Git");
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            return new ResourceSyncResult(owned.Key, ResourceSyncOutcome.Failed, ex.Message);
        }
    }
}
