using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Apply;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>The verbs on resource URLs: get, list, watch, create, update, patch, delete, deletecollection.</summary>
internal sealed class ResourceEndpoint(ServerContext context, ObjectReader reader, ObjectWriter writer, ObjectDeleter deleter, WatchEndpoint watch)
{
    public async Task HandleAsync(HttpContext http, ApiPath path, CancellationToken ct)
    {
        var type = context.Registry.Find(path.Group, path.Version, path.Resource);
        if (type is null || path.Extra || (path.Namespace is not null && !type.Namespaced))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        if (path.Subresource == "log" && type == BuiltInResources.Pod && path.Name is not null && http.Request.Method == "GET")
        {
            await PodLogs.WriteAsync(http, reader.Get(type, path.Namespace, path.Name), ct);
            return;
        }
        if (path.Subresource is { } sub && !(sub == "status" && type.HasStatus) && !(sub == "scale" && type.HasScale))
        {
            throw new ApiException(404, "NotFound", $"the server could not find the requested resource ({path.Resource}/{sub})");
        }
        var request = http.Request;
        var ns = type.Namespaced ? path.Namespace : null;
        var method = request.Method;
        if (path.Name is null)
        {
            await (method switch
            {
                "GET" when path.LegacyWatch || RequestOptions.Flag(request, "watch") => watch.StreamAsync(http, type, ns, ct),
                "GET" => ListAsync(http, type, ns, ct),
                "POST" => CreateAsync(http, type, ns, ct),
                "DELETE" => DeleteCollectionAsync(http, type, ns, ct),
                _ => throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource"),
            });
            return;
        }
        await (method switch
        {
            "GET" when path.LegacyWatch || RequestOptions.Flag(request, "watch") => watch.StreamAsync(http, type, ns, ct, path.Name),
            "GET" => Respond(http, 200, type, path, reader.Get(type, ns, path.Name), ct),
            "PUT" => ReplaceAsync(http, type, ns, path, ct),
            "PATCH" => PatchAsync(http, type, ns, path, ct),
            "DELETE" => DeleteAsync(http, type, ns, path.Name, ct),
            _ => throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource"),
        });
    }

    private async Task ListAsync(HttpContext http, ResourceType type, string? ns, CancellationToken ct)
    {
        var page = reader.List(type, ns, RequestOptions.ListQuery(http.Request, type.Converter));
        if (TableFormat.Requested(http.Request))
        {
            await HttpIo.WriteJsonAsync(http.Response, 200, TableFormat.ForList(type, page, context.Time.GetUtcNow()), ct);
            return;
        }
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await ListWriter.WriteAsync(http.Response.BodyWriter, type, page, o => Present(type, o), ct);
    }

    private async Task CreateAsync(HttpContext http, ResourceType type, string? ns, CancellationToken ct)
    {
        var body = HttpIo.ParseObject(await HttpIo.ReadBodyAsync(http.Request, ct), http.Request.ContentType);
        var created = writer.Create(type.Storage, ns, ToStored(type, body), Request(http.Request, null));
        await Respond(http, 201, type, null, created, ct);
    }

    private async Task ReplaceAsync(HttpContext http, ResourceType type, string? ns, ApiPath path, CancellationToken ct)
    {
        var body = HttpIo.ParseObject(await HttpIo.ReadBodyAsync(http.Request, ct), http.Request.ContentType);
        var name = path.Name!;
        var request = Request(http.Request, path.Subresource);
        StoredObject updated;
        if (path.Subresource == "scale")
        {
            updated = writer.Mutate(type, ns, name, current => ScaleSubresource.Into(current!, body), request);
        }
        else if (path.Subresource == "status")
        {
            updated = writer.Mutate(type, ns, name, _ => body, request);
        }
        else
        {
            updated = writer.Replace(type.Storage, ns, name, ToStored(type, body), request);
        }
        await Respond(http, 200, type, path, updated, ct);
    }

    private async Task PatchAsync(HttpContext http, ResourceType type, string? ns, ApiPath path, CancellationToken ct)
    {
        var kind = PatchApplier.KindOf(http.Request.ContentType);
        var bytes = await HttpIo.ReadBodyAsync(http.Request, ct);
        var name = path.Name!;
        var request = Request(http.Request, path.Subresource);
        if (kind == PatchKind.Apply)
        {
            await ApplyAsync(http, type, ns, path, HttpIo.ParseObject(bytes, "application/yaml"), request, ct);
            return;
        }
        var patch = HttpIo.ParseAny(bytes);
        var updated = path.Subresource == "scale"
            ? writer.Mutate(type, ns, name, current =>
                ScaleSubresource.Into(current!, PatchApplier.Scale(ScaleSubresource.From(current!), kind, patch)), request)
            : writer.Mutate(type.Storage, ns, name, current => ToStored(type, PatchApplier.Apply(type, ToServed(type, current!), kind, patch)), request);
        await Respond(http, 200, type, path, updated, ct);
    }

    private async Task ApplyAsync(HttpContext http, ResourceType type, string? ns, ApiPath path, JsonObject applied, WriteRequest request, CancellationToken ct)
    {
        if (RequestOptions.Query(http.Request, "fieldManager") is not { Length: > 0 } manager)
        {
            throw ApiException.Invalid("PatchOptions.meta.k8s.io", "", "fieldManager: Required value: is required for apply patch");
        }
        if (Meta.Str(applied, "kind") != type.Kind || Meta.Str(applied, "apiVersion") != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the applied object must declare apiVersion {type.ApiVersion} and kind {type.Kind}");
        }
        var existed = context.Store.Get(type.StorageKey, ns, path.Name!) is not null;
        var force = RequestOptions.Flag(http.Request, "force");
        var result = writer.Mutate(type.Storage, ns, path.Name!,
            current => ToStored(type, ServerSideApply.Apply(type, current is null ? null : ToServed(type, current), applied, manager, force, context.Time.GetUtcNow())),
            request with { FieldManager = manager, IsApply = true },
            checkResourceVersion: true, createIfMissing: path.Subresource is null);
        await Respond(http, existed ? 200 : 201, type, path, result, ct);
    }

    // As the real API server's registries do: pods, services and namespaces answer a delete with the
    // object itself (KubernetesClient's typed delete calls expect it); every other kind with a Status.
    private static bool ReturnsDeletedObject(ResourceType type) =>
        type.Group.Length == 0 && type.Plural is "pods" or "services" or "namespaces";

    private async Task DeleteAsync(HttpContext http, ResourceType type, string? ns, string name, CancellationToken ct)
    {
        var bytes = await HttpIo.ReadBodyAsync(http.Request, ct);
        var body = bytes.Length == 0 ? null : HttpIo.ParseObject(bytes, http.Request.ContentType);
        var (result, removed) = deleter.Delete(type.Storage, ns, name, RequestOptions.DeleteOptions(http.Request, body));
        if (removed && !ReturnsDeletedObject(type))
        {
            var status = StatusObjects.Success(name, type.Plural);
            status["details"]!["group"] = type.Group;
            status["details"]!["uid"] = result.Uid;
            await HttpIo.WriteJsonAsync(http.Response, 200, status, ct);
            return;
        }
        await Respond(http, 200, type, null, result, ct);
    }

    private async Task DeleteCollectionAsync(HttpContext http, ResourceType type, string? ns, CancellationToken ct)
    {
        var bytes = await HttpIo.ReadBodyAsync(http.Request, ct);
        var body = bytes.Length == 0 ? null : HttpIo.ParseObject(bytes, http.Request.ContentType);
        var options = RequestOptions.DeleteOptions(http.Request, body);
        var page = reader.List(type, ns, RequestOptions.ListQuery(http.Request, type.Converter) with { Limit = 0, Continue = null });
        foreach (var item in page.Items)
        {
            try
            {
                deleter.Delete(type.Storage, item.Namespace, item.Name, options);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Removed meanwhile (for example by a cascade from an earlier item).
            }
        }
        await HttpIo.WriteJsonAsync(http.Response, 200, StatusObjects.Success(), ct);
    }

    private static JsonObject ToStored(ResourceType type, JsonObject served) => type.Converter?.ToStored(served) ?? served;

    private static JsonObject ToServed(ResourceType type, JsonObject stored) => type.Converter?.ToServed(stored) ?? stored;

    private static WriteRequest Request(HttpRequest request, string? subresource) =>
        new(RequestOptions.FieldManager(request), subresource, RequestOptions.DryRun(request));

    private Task Respond(HttpContext http, int status, ResourceType type, ApiPath? path, StoredObject stored, CancellationToken ct)
    {
        if (path?.Subresource == "scale")
        {
            return HttpIo.WriteJsonAsync(http.Response, status, ScaleSubresource.From(stored.Node), ct);
        }
        if (TableFormat.Requested(http.Request))
        {
            return HttpIo.WriteJsonAsync(http.Response, status, TableFormat.ForObject(type, stored, context.Time.GetUtcNow()), ct);
        }
        return HttpIo.WriteBytesAsync(http.Response, status, Present(type, stored), ct);
    }

    /// <summary>An object as served at this version: custom resources stored under another version get their apiVersion rewritten.</summary>
    public static ReadOnlyMemory<byte> Present(ResourceType type, StoredObject stored)
    {
        if (type.Converter is { } converter)
        {
            return JsonOps.ToBytes(converter.ToServed(stored.Node));
        }
        if (stored.ApiVersion == type.ApiVersion)
        {
            return stored.Json;
        }
        var node = stored.CloneNode();
        node["apiVersion"] = type.ApiVersion;
        return JsonOps.ToBytes(node);
    }
}
