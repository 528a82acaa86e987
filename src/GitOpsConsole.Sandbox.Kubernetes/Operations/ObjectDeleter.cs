using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>
/// Deletion with preconditions, finalizers (the object lingers with a deletionTimestamp until
/// they are removed) and owner-reference propagation: orphan, foreground or background.
/// </summary>
internal sealed class ObjectDeleter(ServerContext context, ObjectWriter writer)
{
    private const string ForegroundFinalizer = "foregroundDeletion";
    private static readonly WriteRequest GarbageCollector = WriteRequest.Controller("kube-controller-manager");

    /// <summary>Returns the removed object (Removed = true) or the object left terminating.</summary>
    public (StoredObject Object, bool Removed) Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        var current = context.Store.Get(type.StorageKey, ns, name) ?? throw ApiException.NotFound(ObjectWriter.Resource(type), name);
        CheckPreconditions(type, current, options);
        if (options.DryRun)
        {
            return (current, true);
        }
        if (type == BuiltInResources.Namespace)
        {
            DrainNamespace(name);
        }
        switch (options.Propagation)
        {
            case Propagation.Orphan:
                Orphan(current.Uid);
                break;
            case Propagation.Foreground when context.Store.Dependents(current.Uid).Count > 0:
                MarkTerminating(type, ns, name, ForegroundFinalizer);
                DeleteDependents(current.Uid, Propagation.Foreground);
                return Finish(type, ns, name, ForegroundFinalizer);
        }
        return Finish(type, ns, name, null);
    }

    /// <summary>Background collection: called after an owner is gone for good.</summary>
    public void CollectDependents(string ownerUid) => DeleteDependents(ownerUid, Propagation.Background);

    private (StoredObject, bool) Finish(ResourceType type, string? ns, string name, string? releaseFinalizer)
    {
        var removed = false;
        var result = context.Store.Commit(type.StorageKey, ns, name, current =>
        {
            if (current is null)
            {
                throw ApiException.NotFound(ObjectWriter.Resource(type), name);
            }
            var finalizers = Meta.Finalizers(current.Node).Where(f => f != releaseFinalizer).ToList();
            if (finalizers.Count == 0)
            {
                removed = true;
                return Mutation.Delete;
            }
            var node = current.CloneNode();
            var metadata = Meta.Metadata(node);
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            metadata["deletionTimestamp"] ??= Meta.Timestamp(context.Time.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] ??= 0;
            return Mutation.Put(node);
        });
        return (result!, removed);
    }

    private void MarkTerminating(ResourceType type, string? ns, string name, string finalizer)
    {
        context.Store.Commit(type.StorageKey, ns, name, current =>
        {
            if (current is null)
            {
                return Mutation.Unchanged;
            }
            var node = current.CloneNode();
            var metadata = Meta.Metadata(node);
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            if (!finalizers.Any(f => f?.ToString() == finalizer))
            {
                finalizers.Add(finalizer);
            }
            metadata["finalizers"] = finalizers.Parent is null ? finalizers : finalizers.DeepClone();
            metadata["deletionTimestamp"] ??= Meta.Timestamp(context.Time.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] ??= 0;
            return Mutation.Put(node);
        });
    }

    private void DeleteDependents(string ownerUid, Propagation propagation)
    {
        foreach (var (storageKey, ns, name) in context.Store.Dependents(ownerUid))
        {
            var dependent = context.Store.Get(storageKey, ns, name);
            var type = context.Registry.All.FirstOrDefault(t => t.StorageKey == storageKey);
            if (dependent is null || type is null)
            {
                continue;
            }
            var owners = Meta.OwnerReferences(dependent.Node).Select(o => Meta.Str(o, "uid")).Where(u => u != ownerUid).ToList();
            if (owners.Count > 0 && owners.Any(OwnerExists))
            {
                writer.Mutate(type, ns, name, node => RemoveOwner(node!, ownerUid), GarbageCollector);
                continue;
            }
            try
            {
                Delete(type, ns, name, new DeleteOptions(propagation));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone: another cascade got there first.
            }
        }
    }

    private bool OwnerExists(string? uid) =>
        uid is not null && context.Store.AllObjects().Any(o => o.Uid == uid);

    private void Orphan(string ownerUid)
    {
        foreach (var (storageKey, ns, name) in context.Store.Dependents(ownerUid))
        {
            if (context.Registry.All.FirstOrDefault(t => t.StorageKey == storageKey) is { } type)
            {
                writer.Mutate(type, ns, name, node => RemoveOwner(node!, ownerUid), GarbageCollector);
            }
        }
    }

    private static JsonObject RemoveOwner(JsonObject node, string ownerUid)
    {
        var metadata = Meta.Metadata(node);
        var remaining = Meta.OwnerReferences(node).Where(o => Meta.Str(o, "uid") != ownerUid).Select(o => o.DeepClone()).ToList();
        if (remaining.Count == 0)
        {
            metadata.Remove("ownerReferences");
        }
        else
        {
            metadata["ownerReferences"] = new JsonArray([.. remaining]);
        }
        metadata.Remove("resourceVersion");
        return node;
    }

    private void DrainNamespace(string ns)
    {
        context.Store.Commit(BuiltInResources.Namespace.StorageKey, null, ns, current =>
        {
            if (current is null)
            {
                return Mutation.Unchanged;
            }
            var node = current.CloneNode();
            JsonOps.Ensure(node, "status")["phase"] = "Terminating";
            Meta.Metadata(node)["deletionTimestamp"] = Meta.Timestamp(context.Time.GetUtcNow());
            return Mutation.Put(node);
        });
        foreach (var type in context.Registry.All.Where(t => t.Namespaced).DistinctBy(t => t.StorageKey))
        {
            foreach (var item in context.Store.List(type.StorageKey, ns).Items)
            {
                ForceRemove(type, item);
            }
        }
    }

    // Namespace teardown does not wait on finalizers of its contents; the sandbox has no controllers to release them.
    private void ForceRemove(ResourceType type, StoredObject item) =>
        context.Store.Commit(type.StorageKey, item.Namespace, item.Name, current => current is null ? Mutation.Unchanged : Mutation.Delete);

    private static void CheckPreconditions(ResourceType type, StoredObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw ApiException.Conflict(ObjectWriter.Resource(type), current.Name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != Meta.Str(current.Node["metadata"], "resourceVersion"))
        {
            throw ApiException.Conflict(ObjectWriter.Resource(type), current.Name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
        }
    }
}
