using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>
/// All objects, keyed by resource bucket then "namespace/name", with one global resourceVersion
/// counter. Writes are serialised under one lock (commit, journal and watch fan-out happen
/// together so watchers see changes in resourceVersion order); reads take cheap snapshots.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _buckets = new(StringComparer.Ordinal);
    private readonly OwnerIndex _owners = new();
    private readonly WatchHub _hub;
    private long _resourceVersion;

    public ObjectStore(int watchWindow) => _hub = new WatchHub(watchWindow);

    public IStoreJournal? Journal { get; set; }

    /// <summary>Raised after each commit, outside the lock, for the simulated controllers.</summary>
    public event Action<WatchEvent>? Committed;

    public long CurrentResourceVersion
    {
        get { lock (_gate) { return _resourceVersion; } }
    }

    /// <summary>Loads persisted state before the server starts; no events are emitted.</summary>
    public void Load(IEnumerable<(string StorageKey, JsonObject Node)> objects, long resourceVersion)
    {
        lock (_gate)
        {
            foreach (var (storageKey, node) in objects)
            {
                var stored = new StoredObject(storageKey, node, Meta.Long(node["metadata"]?["resourceVersion"]));
                Bucket(storageKey)[stored.Key] = stored;
                _owners.Add(stored);
            }
            _resourceVersion = Math.Max(_resourceVersion, resourceVersion);
            _hub.ResetWindow(_resourceVersion);
        }
    }

    public StoredObject? Get(string storageKey, string? ns, string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(storageKey, out var bucket) ? bucket.GetValueOrDefault(StoredObject.ObjectKey(ns, name)) : null;
        }
    }

    /// <summary>The objects of one bucket (optionally one namespace) in key order, and the list's resourceVersion.</summary>
    public (List<StoredObject> Items, long ResourceVersion) List(string storageKey, string? ns)
    {
        lock (_gate)
        {
            var items = new List<StoredObject>();
            if (_buckets.TryGetValue(storageKey, out var bucket))
            {
                foreach (var item in bucket.Values)
                {
                    if (string.IsNullOrEmpty(ns) || item.Namespace == ns)
                    {
                        items.Add(item);
                    }
                }
            }
            return (items, _resourceVersion);
        }
    }

    public IReadOnlyList<(string StorageKey, string Namespace, string Name)> Dependents(string ownerUid)
    {
        lock (_gate)
        {
            return _owners.Dependents(ownerUid);
        }
    }

    public IEnumerable<StoredObject> AllObjects()
    {
        lock (_gate)
        {
            return _buckets.Values.SelectMany(b => b.Values).ToList();
        }
    }

    /// <summary>
    /// Read-modify-write of one object under the write lock. The callback sees the current
    /// revision (or null) and may throw <see cref="ApiException"/> to reject the change.
    /// </summary>
    public StoredObject? Commit(string storageKey, string? ns, string name, Func<StoredObject?, Mutation> mutate)
    {
        WatchEvent? change;
        StoredObject? result;
        lock (_gate)
        {
            var bucket = Bucket(storageKey);
            var key = StoredObject.ObjectKey(ns, name);
            var current = bucket.GetValueOrDefault(key);
            (change, result) = mutate(current) switch
            {
                Mutation.Write write => Write(bucket, key, current, write.Node, storageKey),
                Mutation.Remove when current is not null => Remove(bucket, key, current),
                _ => (null, current),
            };
        }
        if (change is not null)
        {
            Committed?.Invoke(change);
        }
        return result;
    }

    public WatchSubscription Subscribe(string storageKey, string? ns, long? sinceResourceVersion)
    {
        lock (_gate)
        {
            var subscription = _hub.Subscribe(storageKey, ns, sinceResourceVersion, () => List(storageKey, ns).Items);
            subscription.Gate = _gate;
            return subscription;
        }
    }

    private (WatchEvent?, StoredObject?) Write(
        SortedDictionary<string, StoredObject> bucket, string key, StoredObject? current, JsonObject node, string storageKey)
    {
        var metadata = Meta.Metadata(node);
        if (current is not null && SameContent(current.Node, node))
        {
            return (null, current);
        }
        metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var stored = new StoredObject(storageKey, node, _resourceVersion);
        bucket[key] = stored;
        if (current is not null)
        {
            _owners.Remove(current);
        }
        _owners.Add(stored);
        Journal?.Put(stored);
        CompactIfDue();
        var change = new WatchEvent(current is null ? WatchEventType.Added : WatchEventType.Modified, stored, current);
        _hub.Publish(change);
        return (change, stored);
    }

    private (WatchEvent?, StoredObject?) Remove(SortedDictionary<string, StoredObject> bucket, string key, StoredObject current)
    {
        bucket.Remove(key);
        _owners.Remove(current);
        var node = current.CloneNode();
        Meta.Metadata(node)["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var tombstone = new StoredObject(current.StorageKey, node, _resourceVersion);
        Journal?.Delete(current, _resourceVersion);
        CompactIfDue();
        var change = new WatchEvent(WatchEventType.Deleted, tombstone, current);
        _hub.Publish(change);
        return (change, tombstone);
    }

    // A write that changes nothing but managedFields timestamps or the resourceVersion is a no-op,
    // as in Kubernetes, so repeated applies do not churn resource versions or wake watchers.
    private static bool SameContent(JsonObject current, JsonObject next)
    {
        if (current.Count != next.Count)
        {
            return false;
        }
        foreach (var (name, value) in next)
        {
            if (name == "metadata")
            {
                if (!SameMetadata(current["metadata"] as JsonObject, value as JsonObject))
                {
                    return false;
                }
            }
            else if (!current.TryGetPropertyValue(name, out var other) || !JsonNode.DeepEquals(other, value))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameMetadata(JsonObject? current, JsonObject? next)
    {
        if (current is null || next is null)
        {
            return current is null && next is null;
        }
        static IEnumerable<KeyValuePair<string, JsonNode?>> Relevant(JsonObject o) =>
            o.Where(p => p.Key is not ("resourceVersion" or "managedFields"));
        var a = Relevant(current).ToList();
        var b = Relevant(next).ToList();
        return a.Count == b.Count
            && b.All(p => current.TryGetPropertyValue(p.Key, out var v) && JsonNode.DeepEquals(v, p.Value))
            && SameManagers(current["managedFields"], next["managedFields"]);
    }

    // Managed field entries are compared without their timestamps.
    private static bool SameManagers(JsonNode? current, JsonNode? next)
    {
        if (current is not JsonArray a || next is not JsonArray b)
        {
            return current is null == next is null;
        }
        return a.Count == b.Count && a.Zip(b).All(pair =>
            pair.First is JsonObject x && pair.Second is JsonObject y
            && x.Where(p => p.Key != "time").All(p => y.TryGetPropertyValue(p.Key, out var v) && JsonNode.DeepEquals(v, p.Value))
            && x.Count == y.Count);
    }

    /// <summary>Folds the journal into a snapshot now (on shutdown).</summary>
    public void CompactJournal()
    {
        lock (_gate)
        {
            Journal?.Compact(_buckets.Values.SelectMany(b => b.Values), _resourceVersion);
        }
    }

    private void CompactIfDue()
    {
        if (Journal is { WantsCompaction: true } journal)
        {
            journal.Compact(_buckets.Values.SelectMany(b => b.Values), _resourceVersion);
        }
    }

    private SortedDictionary<string, StoredObject> Bucket(string storageKey)
    {
        if (!_buckets.TryGetValue(storageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _buckets[storageKey] = bucket;
        }
        return bucket;
    }
}
