using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Untyped JSON requests to the API server through KubernetesClient's own HTTP client and credentials, so
/// any kind (core, grouped, custom) is reached the same way and authentication is the client's. Server-side
/// apply is a PATCH with <c>application/apply-patch+yaml</c>; JSON is valid YAML, so the body is JSON.
/// </summary>
internal sealed class KubeApi
{
    public const string FieldManager = "gitops-console";

    private readonly k8s.Kubernetes _client;

    public KubeApi(IKubernetes kubernetes)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _client = kubernetes as k8s.Kubernetes ?? throw new ArgumentException(
            "The embedded operator needs KubernetesClient's Kubernetes class: its HTTP client and credentials carry the operator's requests.",
            nameof(kubernetes));
    }

    /// <summary>The object at <paramref name="path"/>, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync(request, allowNotFound: true, cancellationToken);
    }

    /// <summary>The items of the list at <paramref name="path"/>, each parsed on its own (see <see cref="ListItems"/>); empty when the kind is gone.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await ReadAsync(request, allowNotFound: true, cancellationToken) is { Length: > 0 } body ? ListItems.Parse(body) : [];
    }

    public async Task<JsonObject> ApplyAsync(string path, JsonObject manifest, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"?fieldManager={FieldManager}&force=true");
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(path + query, UriKind.Relative))
        {
            Content = new StringContent(manifest.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        return (await SendAsync(request, allowNotFound: false, cancellationToken))!;
    }

    /// <summary>Deletes with background propagation, so owned objects (ReplicaSets, Pods) go too; gone already is fine.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(path + "?propagationPolicy=Background", UriKind.Relative));
        await SendAsync(request, allowNotFound: true, cancellationToken);
    }

    /// <summary>
    /// The events of a watch (<c>?watch=true</c> already in <paramref name="path"/>), one JSON object per line,
    /// until the server ends the stream.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> WatchAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        await PrepareAsync(request, cancellationToken);
        using var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new KubeApiException(response.StatusCode, $"GET {request.RequestUri!.AbsolutePath} failed ({(int)response.StatusCode}): {StatusMessage(body)}");
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonNode.Parse(line) is JsonObject item)
            {
                yield return item;
            }
        }
    }

    private async Task PrepareAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Joined by hand: a server URL with a path (an API proxy) must keep it, which Uri's relative resolution would drop.
        request.RequestUri = new Uri(_client.BaseUri.ToString().TrimEnd('/') + "/" + request.RequestUri!.ToString().TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }
    }

    private async Task<JsonObject?> SendAsync(HttpRequestMessage request, bool allowNotFound, CancellationToken cancellationToken) =>
        await ReadAsync(request, allowNotFound, cancellationToken) is { Length: > 0 } body ? JsonNode.Parse(body) as JsonObject : null;

    private async Task<byte[]?> ReadAsync(HttpRequestMessage request, bool allowNotFound, CancellationToken cancellationToken)
    {
        await PrepareAsync(request, cancellationToken);
        using var response = await _client.HttpClient.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && allowNotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new KubeApiException(response.StatusCode, $"{request.Method} {request.RequestUri!.AbsolutePath} failed ({(int)response.StatusCode}): {StatusMessage(error)}");
        }

        // The UTF-8 bytes, not a string: a sweep's lists are tens of MB, and a UTF-16 copy doubles that on the large object heap.
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    // A Kubernetes error body is a Status object whose message says what was wrong; anything else is shown as is.
    private static string StatusMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
