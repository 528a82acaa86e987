using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>
/// One committed revision of an object. The node is frozen by convention (never mutated after
/// commit) and the UTF-8 form is kept so large lists are written without re-serialising.
/// </summary>
internal sealed class StoredObject
{
    public StoredObject(string storageKey, JsonObject node, long resourceVersion)
    {
        StorageKey = storageKey;
        Node = node;
        ResourceVersion = resourceVersion;
        Namespace = Meta.Namespace(node);
        Name = Meta.Name(node);
        Labels = Meta.LabelMap(node);
        Json = JsonOps.ToBytes(node);
    }

    public string StorageKey { get; }
    public JsonObject Node { get; }
    public byte[] Json { get; }
    public long ResourceVersion { get; }
    public string Namespace { get; }
    public string Name { get; }
    public IReadOnlyDictionary<string, string> Labels { get; }

    public string Key => ObjectKey(Namespace, Name);

    public string Uid => Meta.Uid(Node);

    public static string ObjectKey(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "/" + name;

    /// <summary>A private, mutable copy for read-modify-write.</summary>
    public JsonObject CloneNode() => (JsonObject)Node.DeepClone();
}
