using System.Collections.Frozen;

namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>
/// The servable resources: built-ins plus whatever established CRDs add. Readers get an immutable
/// snapshot so discovery and routing never lock.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _custom = new(StringComparer.Ordinal);
    private Snapshot _current;

    public ResourceRegistry() => _current = new Snapshot(BuiltInResources.All);

    public IReadOnlyList<ResourceType> All => _current.Types;

    public ResourceType? Find(string group, string version, string plural) =>
        _current.ByPath.GetValueOrDefault($"{group}/{version}/{plural}");

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _current.ByKind.GetValueOrDefault($"{apiVersion}/{kind}");

    /// <summary>Registers or replaces the versions a CRD serves; keyed by CRD name.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            if (types.Count == 0)
            {
                _custom.Remove(crdName);
            }
            else
            {
                _custom[crdName] = types;
            }
            _current = new Snapshot([.. BuiltInResources.All, .. _custom.Values.SelectMany(t => t)]);
        }
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ResourceType> types)
        {
            Types = types;
            ByPath = types.ToFrozenDictionary(t => $"{t.Group}/{t.Version}/{t.Plural}", StringComparer.Ordinal);
            ByKind = types.GroupBy(t => $"{t.ApiVersion}/{t.Kind}", StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }

        public IReadOnlyList<ResourceType> Types { get; }
        public FrozenDictionary<string, ResourceType> ByPath { get; }
        public FrozenDictionary<string, ResourceType> ByKind { get; }
    }
}
