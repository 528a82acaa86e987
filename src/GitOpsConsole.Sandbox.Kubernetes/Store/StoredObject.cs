using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>
/// One committed revision of an object. The UTF-8 JSON is the durable form (lists splice it
/// without re-serialising); the parsed tree is only weakly cached, so 10k idle objects cost their
/// bytes rather than a DOM each. The tree is frozen by convention: callers clone before changing.
/// </summary>
internal sealed class StoredObject
{
    private readonly WeakReference<JsonObject> _node;

    public StoredObject(string storageKey, JsonObject node, long resourceVersion)
    {
        StorageKey = storageKey;
        ResourceVersion = resourceVersion;
        Namespace = Meta.Namespace(node);
        Name = Meta.Name(node);
        Uid = Meta.Uid(node);
        ApiVersion = Meta.Str(node, "apiVersion") ?? "";
        Labels = Meta.LabelMap(node);
        Json = JsonOps.ToBytes(node);
        _node = new WeakReference<JsonObject>(node);
    }

    public string StorageKey { get; }
    public byte[] Json { get; }
    public long ResourceVersion { get; }
    public string Namespace { get; }
    public string Name { get; }
    public string Uid { get; }
    public string ApiVersion { get; }
    public IReadOnlyDictionary<string, string> Labels { get; }

    public JsonObject Node
    {
        get
        {
            if (_node.TryGetTarget(out var node))
            {
                return node;
            }
            node = JsonOps.ParseObject(Json);
            _node.SetTarget(node);
            return node;
        }
    }

    public string Key => ObjectKey(Namespace, Name);

    public static string ObjectKey(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "/" + name;

    /// <summary>A private, mutable copy for read-modify-write.</summary>
    public JsonObject CloneNode() => JsonOps.ParseObject(Json);
}
