using System.Net;
using GitOpsConsole.Core.Operator;
using k8s;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>A change the API server reported to an object some application owns (by its label).</summary>
/// <param name="Type"><c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</param>
public sealed record OwnedObjectChange(string Application, ResourceKey Key, string Type);

/// <summary>
/// Watches one kind across namespaces for objects carrying an application label and reports each change
/// with the application it belongs to, so drift is looked at the moment it happens instead of at the next
/// refresh. Resumes from the last resourceVersion when the server ends the stream; lists again when that
/// version has expired (410 Gone).
/// </summary>
public sealed class OwnedObjectWatch
{
    private const int ServerTimeoutSeconds = 50;
    private readonly KubeApi _api;
    private readonly ResourceDiscovery _discovery;

    public OwnedObjectWatch(IKubernetes kubernetes)
    {
        _api = new KubeApi(kubernetes);
        _discovery = new ResourceDiscovery(_api);
    }

    /// <summary>Runs until cancelled; <paramref name="onChange"/> must not block. Returns at once when the kind is unknown.</summary>
    /// <param name="onStarted">Called once the watch is established (the initial list is done).</param>
    public async Task RunAsync(string apiVersion, string kind, Action<OwnedObjectChange> onChange, Action? onStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var resource = await _discovery.ResolveAsync(apiVersion, kind, cancellationToken);
        if (resource is null || !resource.Listable)
        {
            return;
        }

        var version = await ListVersionAsync(resource, cancellationToken);
        onStarted?.Invoke();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var path = resource.ListPath(null, TrackingId.AppLabel)
                    + $"&watch=true&allowWatchBookmarks=true&timeoutSeconds={ServerTimeoutSeconds}&resourceVersion={Uri.EscapeDataString(version)}";
                await foreach (var watchEvent in _api.WatchAsync(path, cancellationToken))
                {
                    var type = JsonRead.Str(watchEvent, "type") ?? "";
                    var item = watchEvent["object"] as System.Text.Json.Nodes.JsonObject;
                    if (type == "ERROR")
                    {
                        // Expired version (410): everything since is unknown, so start again from a fresh list.
                        version = await ListVersionAsync(resource, cancellationToken);
                        break;
                    }

                    version = JsonRead.Str(item, "metadata", "resourceVersion") ?? version;
                    if (type != "BOOKMARK" && JsonRead.Str(item, "metadata", "labels", TrackingId.AppLabel) is { Length: > 0 } app)
                    {
                        var key = new ResourceKey(resource.Group, resource.Kind,
                            JsonRead.Str(item, "metadata", "namespace") ?? "", JsonRead.Str(item, "metadata", "name") ?? "");
                        onChange(new OwnedObjectChange(app, key, type));
                    }
                }
            }
            catch (KubeApiException ex) when (ex.StatusCode == HttpStatusCode.Gone)
            {
                version = await ListVersionAsync(resource, cancellationToken);
            }
        }
    }

    private async Task<string> ListVersionAsync(ApiResource resource, CancellationToken cancellationToken) =>
        JsonRead.Str(await _api.GetAsync(resource.ListPath(null, TrackingId.AppLabel), cancellationToken), "metadata", "resourceVersion") ?? "0";
}
