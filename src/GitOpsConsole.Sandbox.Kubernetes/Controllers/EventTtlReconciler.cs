using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Removes Events an hour after they were last seen, as the API server's event TTL does.</summary>
internal sealed class EventTtlReconciler(ServerContext context, ObjectDeleter deleter) : IReconciler
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(5);

    public string Name => "event-ttl";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var cutoff = context.Time.GetUtcNow() - Ttl;
        foreach (var item in context.Store.List(BuiltInResources.Event.StorageKey, null).Items)
        {
            var node = item.Node;
            var seen = Meta.ParseTime(node["lastTimestamp"]) ?? Meta.ParseTime(node["eventTime"]) ?? Meta.ParseTime(node["metadata"]?["creationTimestamp"]);
            if (seen is { } last && last < cutoff)
            {
                try
                {
                    deleter.Delete(BuiltInResources.Event, item.Namespace, item.Name, DeleteOptions.Default);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Deleted meanwhile.
                }
            }
        }
        return Sweep;
    }
}
