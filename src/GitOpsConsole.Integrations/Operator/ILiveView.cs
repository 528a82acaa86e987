using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Where a comparison reads the cluster from: the API server object by object (one application at a time),
/// or a snapshot listed once for many applications (the full sweep).
/// </summary>
internal interface ILiveView
{
    Task<JsonObject?> GetAsync(ApiResource resource, ResourceKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<LiveObject>> OwnedAsync(string application, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> PodsOfAsync(JsonObject workload, CancellationToken cancellationToken);
}
