using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>ownerReference uid → dependents, so cascading deletion never scans the whole store.</summary>
internal sealed class OwnerIndex
{
    private readonly Dictionary<string, HashSet<(string, string, string)>> _dependents = new(StringComparer.Ordinal);

    public void Add(StoredObject stored)
    {
        foreach (var owner in Meta.OwnerReferences(stored.Node))
        {
            var uid = Meta.Str(owner, "uid");
            if (uid is null)
            {
                continue;
            }
            if (!_dependents.TryGetValue(uid, out var set))
            {
                set = [];
                _dependents[uid] = set;
            }
            set.Add((stored.StorageKey, stored.Namespace, stored.Name));
        }
    }

    public void Remove(StoredObject stored)
    {
        foreach (var owner in Meta.OwnerReferences(stored.Node))
        {
            var uid = Meta.Str(owner, "uid");
            if (uid is not null && _dependents.TryGetValue(uid, out var set))
            {
                set.Remove((stored.StorageKey, stored.Namespace, stored.Name));
                if (set.Count == 0)
                {
                    _dependents.Remove(uid);
                }
            }
        }
    }

    public IReadOnlyList<(string StorageKey, string Namespace, string Name)> Dependents(string ownerUid) =>
        _dependents.TryGetValue(ownerUid, out var set) ? [.. set] : [];
}
