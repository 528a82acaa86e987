using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>A page of a list and what the client needs to ask for the next one.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);

/// <summary>Get and list with selectors and paging.</summary>
internal sealed class ObjectReader(ServerContext context)
{
    public StoredObject Get(ResourceType type, string? ns, string name) =>
        context.Store.Get(type.StorageKey, ns, name) ?? throw ApiException.NotFound(ObjectWriter.Resource(type), name);

    public ListPage List(ResourceType type, string? ns, ListQuery query)
    {
        var (all, resourceVersion) = context.Store.List(type.StorageKey, ns);
        var after = query.Continue is null ? null : ListQuery.DecodeContinue(query.Continue);
        var start = 0;
        if (after is not null)
        {
            start = all.FindIndex(o => string.CompareOrdinal(o.Key, after) > 0);
            start = start < 0 ? all.Count : start;
        }
        var items = new List<StoredObject>();
        var limit = query.Limit > 0 ? query.Limit : int.MaxValue;
        var index = start;
        for (; index < all.Count && items.Count < limit; index++)
        {
            if (query.Matches(all[index]))
            {
                items.Add(all[index]);
            }
        }
        long remaining = 0;
        for (var rest = index; rest < all.Count && query.Limit > 0; rest++)
        {
            remaining += query.Matches(all[rest]) ? 1 : 0;
        }
        return remaining > 0
            ? new ListPage(items, resourceVersion, ListQuery.EncodeContinue(items[^1].Key, resourceVersion), remaining)
            : new ListPage(items, resourceVersion, null, null);
    }
}
