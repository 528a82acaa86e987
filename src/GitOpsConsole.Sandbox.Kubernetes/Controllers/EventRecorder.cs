using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Records core/v1 Events the way components do: a repeat of the same reason and message for the
/// same object bumps count and lastTimestamp instead of adding a new Event.
/// </summary>
internal sealed class EventRecorder(ServerContext context, ObjectWriter writer)
{
    private readonly ConcurrentDictionary<(string Uid, string Reason, string Message), string> _names = new();
    private long _sequence;

    public void Normal(ResourceType type, StoredObject involved, string reason, string message, string component) =>
        Record(type, involved, "Normal", reason, message, component);

    public void Warning(ResourceType type, StoredObject involved, string reason, string message, string component) =>
        Record(type, involved, "Warning", reason, message, component);

    private void Record(ResourceType type, StoredObject involved, string eventType, string reason, string message, string component)
    {
        var now = Meta.Timestamp(context.Time.GetUtcNow());
        var key = (involved.Uid, reason, message);
        var request = WriteRequest.Controller(component);
        if (_names.TryGetValue(key, out var existing)
            && context.Store.Get(BuiltInResources.Event.StorageKey, involved.Namespace, existing) is not null)
        {
            writer.Mutate(BuiltInResources.Event, involved.Namespace, existing, node =>
            {
                node!["count"] = Meta.Long(node["count"]) + 1;
                node["lastTimestamp"] = now;
                return node;
            }, request, checkResourceVersion: false);
            return;
        }
        // Like Kubernetes, names carry the time in hex; the sequence keeps them unique and in recording order.
        var sequence = Interlocked.Increment(ref _sequence);
        var name = string.Create(CultureInfo.InvariantCulture, $"{involved.Name}.{context.Time.GetUtcNow().UtcTicks:x16}{sequence:x6}");
        var ns = involved.Namespace.Length > 0 ? involved.Namespace : "default";
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.Kind,
                ["name"] = involved.Name,
                ["namespace"] = involved.Namespace,
                ["uid"] = involved.Uid,
                ["resourceVersion"] = involved.ResourceVersion.ToString(CultureInfo.InvariantCulture),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["type"] = eventType,
            ["source"] = new JsonObject { ["component"] = component, ["host"] = component == "kubelet" ? Kubelet.NodeName : null },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["reportingComponent"] = component,
            ["reportingInstance"] = component == "kubelet" ? Kubelet.NodeName : component,
        };
        try
        {
            writer.Create(BuiltInResources.Event, ns, node, request);
            _names[key] = name;
        }
        catch (ApiException)
        {
            // The namespace is being torn down; an event about an object in it has nowhere to go.
        }
    }
}
