using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>
/// A typed client of Argo CD's REST API (<c>/api/v1/applications…</c>) with a bearer token, over the
/// shared pipeline (<see cref="ArgoCdClientFactory"/>): retries, then clear errors.
/// </summary>
public sealed class ArgoCdClient(HttpClient http)
{
    /// <summary>All applications the token may see; <paramref name="refresh"/> asks Argo CD to compare with Git first.</summary>
    public async Task<IReadOnlyList<ArgoApplication>> ListAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        var list = await GetJsonAsync($"api/v1/applications{(refresh ? "?refresh=normal" : "")}", cancellationToken);
        return [.. Core.Operator.JsonRead.Objects(list, "items").Select(ArgoCdJson.Application)];
    }

    /// <param name="refresh">null, <c>normal</c> (compare with Git) or <c>hard</c> (also re-render manifests).</param>
    public async Task<ArgoApplication> GetAsync(string name, string? refresh = null, CancellationToken cancellationToken = default) =>
        ArgoCdJson.Application(await GetJsonAsync($"api/v1/applications/{Escape(name)}{(refresh is null ? "" : $"?refresh={refresh}")}", cancellationToken));

    public async Task<ArgoApplication> SyncAsync(string name, ArgoSyncRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["name"] = name, ["prune"] = request.Prune, ["dryRun"] = request.DryRun };
        if (request.Revision is not null)
        {
            body["revision"] = request.Revision;
        }

        return ArgoCdJson.Application(await PostJsonAsync($"api/v1/applications/{Escape(name)}/sync", body, cancellationToken));
    }

    /// <summary>Deploys an earlier history entry again. Argo CD refuses this while auto-sync is on (400).</summary>
    public async Task<ArgoApplication> RollbackAsync(string name, long historyId, bool prune = false, bool dryRun = false, CancellationToken cancellationToken = default) =>
        ArgoCdJson.Application(await PostJsonAsync($"api/v1/applications/{Escape(name)}/rollback",
            new JsonObject { ["name"] = name, ["id"] = historyId, ["prune"] = prune, ["dryRun"] = dryRun }, cancellationToken));

    public async Task<IReadOnlyList<ArgoManagedResource>> ManagedResourcesAsync(string name, CancellationToken cancellationToken = default) =>
        [.. Core.Operator.JsonRead.Objects(await GetJsonAsync($"api/v1/applications/{Escape(name)}/managed-resources", cancellationToken), "items").Select(ArgoCdJson.Managed)];

    public async Task<IReadOnlyList<ArgoTreeNode>> ResourceTreeAsync(string name, CancellationToken cancellationToken = default) =>
        [.. Core.Operator.JsonRead.Objects(await GetJsonAsync($"api/v1/applications/{Escape(name)}/resource-tree", cancellationToken), "nodes").Select(ArgoCdJson.Node)];

    public async Task<IReadOnlyList<ArgoEvent>> EventsAsync(string name, CancellationToken cancellationToken = default) =>
        [.. Core.Operator.JsonRead.Objects(await GetJsonAsync($"api/v1/applications/{Escape(name)}/events", cancellationToken), "items").Select(ArgoCdJson.Event)];

    /// <summary>A live object as Argo CD reads it from the application's destination cluster.</summary>
    public async Task<JsonObject> ResourceAsync(string name, ArgoTreeNode node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = $"api/v1/applications/{Escape(name)}/resource?namespace={Escape(node.Namespace)}&resourceName={Escape(node.Name)}"
            + $"&version={Escape(node.Version)}&kind={Escape(node.Kind)}&group={Escape(node.Group)}";
        var manifest = Core.Operator.JsonRead.Str(await GetJsonAsync(path, cancellationToken), "manifest");
        return (manifest is null ? null : JsonNode.Parse(manifest) as JsonObject)
            ?? throw new InvalidDataException($"Argo CD answered {path} without a manifest.");
    }

    /// <summary>
    /// The last <paramref name="tailLines"/> lines of a container's log through Argo CD (its log stream, not followed):
    /// one JSON message per line, <c>{"result":{"content":…}}</c>, or <c>{"error":{"message":…}}</c> when the cluster
    /// refused, which is thrown with its message.
    /// </summary>
    public async Task<IReadOnlyList<string>> PodLogsAsync(string name, string @namespace, string pod, string container, int tailLines, bool previous, CancellationToken cancellationToken = default)
    {
        var path = $"api/v1/applications/{Escape(name)}/logs?namespace={Escape(@namespace)}&podName={Escape(pod)}&container={Escape(container)}"
            + $"&tailLines={tailLines}&previous={(previous ? "true" : "false")}&follow=false";
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var lines = new List<string>();
        foreach (var line in (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var message = JsonNode.Parse(line) as JsonObject ?? throw new InvalidDataException($"Argo CD answered {path} with a line that is not a JSON object.");
            if (message["error"] is JsonObject error)
            {
                throw new InvalidOperationException(Core.Operator.JsonRead.Str(error, "message") ?? error.ToJsonString());
            }

            if (message["result"] is JsonObject result && result["last"]?.GetValue<bool>() != true)
            {
                lines.Add(Core.Operator.JsonRead.Str(result, "content") ?? "");
            }
        }

        return lines;
    }

    private async Task<JsonObject> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync(response, path, cancellationToken);
    }

    private async Task<JsonObject> PostJsonAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        return await ReadAsync(response, path, cancellationToken);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new InvalidDataException($"Argo CD answered {path} with an empty body.");

    private static string Escape(string name) => Uri.EscapeDataString(name);
}
