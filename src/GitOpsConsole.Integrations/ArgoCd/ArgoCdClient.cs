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
