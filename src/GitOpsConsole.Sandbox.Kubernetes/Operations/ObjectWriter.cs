using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Admission;
using GitOpsConsole.Sandbox.Kubernetes.Apply;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>
/// Create, replace and read-modify-write with the API server's rules: server-owned metadata,
/// optimistic concurrency, status/spec separation, generation, defaults, validation, managed fields.
/// </summary>
internal sealed class ObjectWriter(ServerContext context)
{
    public StoredObject Create(ResourceType type, string? ns, JsonObject body, WriteRequest request)
    {
        CheckKind(type, body);
        var metadata = Meta.Metadata(body);
        if (string.IsNullOrEmpty(Meta.Str(metadata, "name")) && Meta.Str(metadata, "generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = NameGenerator.Generate(prefix);
        }
        var name = Meta.Name(body);
        if (name.Length == 0)
        {
            throw ApiException.Invalid(type.Kind, "", "metadata.name: Required value: name or generateName is required");
        }
        ns = ResolveNamespace(type, ns, body);
        var key = StoredObject.ObjectKey(ns, name);
        StoredObject? dryRun = null;
        var stored = context.Store.Commit(type.StorageKey, ns, name, current =>
        {
            if (current is not null)
            {
                throw ApiException.AlreadyExists(Resource(type), name);
            }
            var prepared = PrepareCreate(type, body, request);
            if (request.DryRun)
            {
                dryRun = new StoredObject(type.StorageKey, prepared, 0);
                return Mutation.Unchanged;
            }
            return Mutation.Put(prepared);
        });
        return dryRun ?? stored ?? throw new InvalidOperationException($"create of {key} produced no object");
    }

    public StoredObject Replace(ResourceType type, string? ns, string name, JsonObject body, WriteRequest request)
    {
        CheckKind(type, body);
        var bodyName = Meta.Name(body);
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        Meta.Metadata(body)["name"] = name;
        ns = ResolveNamespace(type, ns, body);
        return Mutate(type, ns, name, _ => body, request, checkResourceVersion: true);
    }

    /// <summary>
    /// Applies a change computed from the current object. The change sees a private copy; a
    /// resourceVersion it leaves in the result must still be current (optimistic concurrency).
    /// When <paramref name="createIfMissing"/> is set the change is called with null to create.
    /// </summary>
    public StoredObject Mutate(ResourceType type, string? ns, string name, Func<JsonObject?, JsonObject> change,
        WriteRequest request, bool checkResourceVersion = true, bool createIfMissing = false)
    {
        StoredObject? dryRun = null;
        var stored = context.Store.Commit(type.StorageKey, ns, name, current =>
        {
            if (current is null)
            {
                if (!createIfMissing)
                {
                    throw ApiException.NotFound(Resource(type), name);
                }
                var fresh = change(null);
                Meta.Metadata(fresh)["name"] = name;
                if (type.Namespaced)
                {
                    Meta.Metadata(fresh)["namespace"] = ns;
                }
                CheckKind(type, fresh);
                var prepared = PrepareCreate(type, fresh, request);
                dryRun = request.DryRun ? new StoredObject(type.StorageKey, prepared, 0) : null;
                return request.DryRun ? Mutation.Unchanged : Mutation.Put(prepared);
            }
            var next = change(current.CloneNode());
            var mutation = PrepareUpdate(type, current, next, request, checkResourceVersion);
            if (request.DryRun)
            {
                dryRun = new StoredObject(type.StorageKey, mutation is Mutation.Write w ? w.Node : current.Node, current.ResourceVersion);
                return Mutation.Unchanged;
            }
            return mutation;
        });
        return dryRun ?? stored ?? throw ApiException.NotFound(Resource(type), name);
    }

    private JsonObject PrepareCreate(ResourceType type, JsonObject body, WriteRequest request)
    {
        var obj = (JsonObject)body.DeepClone();
        var metadata = Meta.Metadata(obj);
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Meta.Timestamp(context.Time.GetUtcNow());
        metadata["generation"] = 1;
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        if (type.HasStatus && type.Kind is not ("Pod" or "Namespace" or "Node"))
        {
            obj.Remove("status");
        }
        Defaulter.Apply(type, obj, creating: true, context.ClusterIps);
        Validator.Validate(type, obj, null);
        ManagedFieldsUpdater.RecordUpdate(type, null, obj, request, context.Time.GetUtcNow());
        return obj;
    }

    private Mutation PrepareUpdate(ResourceType type, StoredObject current, JsonObject next, WriteRequest request, bool checkResourceVersion)
    {
        var name = current.Name;
        var sentVersion = Meta.Str(next["metadata"], "resourceVersion");
        if (checkResourceVersion && !string.IsNullOrEmpty(sentVersion) && sentVersion != Meta.Str(current.Node["metadata"], "resourceVersion"))
        {
            throw ApiException.Conflict(Resource(type), name, "the object has been modified; please apply your changes to the latest version and try again");
        }
        var old = current.Node;
        var obj = request.Subresource == "status" ? StatusOnly(old, next) : next;
        var metadata = Meta.Metadata(obj);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name" })
        {
            if (old["metadata"]?[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        if (type.HasStatus && request.Subresource != "status")
        {
            if (old["status"] is { } status)
            {
                obj["status"] = status.DeepClone();
            }
            else
            {
                obj.Remove("status");
            }
        }
        metadata["generation"] = Meta.Generation(old) + (SpecChanged(old, obj) ? 1 : 0);
        Defaulter.Apply(type, obj, creating: false, context.ClusterIps);
        Validator.Validate(type, obj, old);
        ManagedFieldsUpdater.RecordUpdate(type, old, obj, request, context.Time.GetUtcNow());
        if (Meta.IsTerminating(obj) && !Meta.Finalizers(obj).Any())
        {
            return Mutation.Delete;
        }
        return Mutation.Put(obj);
    }

    private static JsonObject StatusOnly(JsonObject old, JsonObject next)
    {
        var obj = (JsonObject)old.DeepClone();
        obj["status"] = next["status"]?.DeepClone();
        if (next["metadata"]?["resourceVersion"] is { } rv)
        {
            Meta.Metadata(obj)["resourceVersion"] = rv.DeepClone();
        }
        if (next["metadata"]?["managedFields"] is { } managed)
        {
            Meta.Metadata(obj)["managedFields"] = managed.DeepClone();
        }
        return obj;
    }

    private static bool SpecChanged(JsonObject old, JsonObject next)
    {
        var keys = old.Select(p => p.Key).Union(next.Select(p => p.Key))
            .Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind"));
        return keys.Any(k => !JsonNode.DeepEquals(old[k], next[k]));
    }

    private string? ResolveNamespace(ResourceType type, string? ns, JsonObject body)
    {
        var metadata = Meta.Metadata(body);
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return null;
        }
        var declared = Meta.Str(metadata, "namespace");
        if (!string.IsNullOrEmpty(declared) && !string.IsNullOrEmpty(ns) && declared != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        ns = string.IsNullOrEmpty(ns) ? declared : ns;
        if (string.IsNullOrEmpty(ns))
        {
            throw ApiException.BadRequest("an empty namespace may not be set during creation");
        }
        if (context.Store.Get(BuiltInResources.Namespace.StorageKey, null, ns) is null)
        {
            throw ApiException.NotFound("namespaces", ns);
        }
        metadata["namespace"] = ns;
        return ns;
    }

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var kind = Meta.Str(body, "kind");
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind of the object ({kind}) does not match the kind served at this path ({type.Kind})");
        }
    }

    public static string Resource(ResourceType type) => type.Group.Length == 0 ? type.Plural : $"{type.Plural}.{type.Group}";
}
