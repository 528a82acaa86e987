using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>
/// The OCI distribution API the image updater needs: every tag of a repository (following the
/// <c>Link: &lt;…&gt;; rel="next"</c> pages) and a tag's manifest digest by HEAD. Answers are cached;
/// token flow, pacing, retries and errors come from the pipeline (<see cref="OciRegistryClientFactory"/>).
/// </summary>
public sealed partial class OciRegistryClient(HttpClient http, ResponseCache cache)
{
    private const int PageSize = 100;

    // Index and manifest types in the order registries should prefer them, so a multi-arch image answers its index digest.
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default) =>
        ListTagsAsync(repository, fresh: false, cancellationToken);

    /// <param name="fresh">Skip the cache (and refill it): after an image release the cached list lacks the new tag.</param>
    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, bool fresh, CancellationToken cancellationToken = default) =>
        fresh ? cache.LoadAsync($"tags:{repository}", () => LoadTagsAsync(repository, cancellationToken))
            : cache.GetOrAddAsync($"tags:{repository}", () => LoadTagsAsync(repository, cancellationToken));

    /// <summary>The digest (<c>sha256:…</c>) of the manifest <paramref name="reference"/> (a tag) names.</summary>
    public Task<string> GetDigestAsync(string repository, string reference, CancellationToken cancellationToken = default) =>
        GetDigestAsync(repository, reference, fresh: false, cancellationToken);

    /// <param name="fresh">As for tags: a tag can move to another image.</param>
    public Task<string> GetDigestAsync(string repository, string reference, bool fresh, CancellationToken cancellationToken = default) =>
        fresh ? cache.LoadAsync($"digest:{repository}:{reference}", () => LoadDigestAsync(repository, reference, cancellationToken))
            : cache.GetOrAddAsync($"digest:{repository}:{reference}", () => LoadDigestAsync(repository, reference, cancellationToken));

    /// <summary>
    /// The image config's <c>created</c> time of a manifest (by digest, so the answer never changes); for an index, the
    /// linux/amd64 image's (else the first). Null when the config carries none.
    /// </summary>
    public async Task<DateTimeOffset?> GetCreatedAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var text = await cache.GetOrAddAsync($"created:{repository}:{digest}", async () => await LoadCreatedAsync(repository, digest, cancellationToken) ?? "");
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var created) ? created : null;
    }

    private async Task<string?> LoadCreatedAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var manifest = await GetJsonAsync($"v2/{repository}/manifests/{digest}", cancellationToken);
        if (manifest?["manifests"] is JsonArray images)
        {
            var chosen = images.FirstOrDefault(m => (string?)m?["platform"]?["os"] == "linux" && (string?)m?["platform"]?["architecture"] == "amd64") ?? images.FirstOrDefault();
            manifest = chosen?["digest"] is { } inner ? await GetJsonAsync($"v2/{repository}/manifests/{(string?)inner}", cancellationToken) : null;
        }

        var config = manifest?["config"]?["digest"] is { } configDigest ? await GetJsonAsync($"v2/{repository}/blobs/{(string?)configDigest}", cancellationToken) : null;
        return (string?)config?["created"];
    }

    private async Task<JsonObject?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> LoadTagsAsync(string repository, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        string? next = $"v2/{repository}/tags/list?n={PageSize}";
        var pages = 0;
        while (next is not null)
        {
            if (++pages > 1000)
            {
                throw new InvalidDataException($"The tag list of {repository} did not end after 1000 pages: the registry's Link headers loop.");
            }

            using var response = await http.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute), cancellationToken);
            var page = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            if (page?["tags"] is JsonArray list)
            {
                tags.AddRange(list.Select(t => (string?)t).OfType<string>());
            }

            next = NextPage(response);
        }

        return tags;
    }

    private async Task<string> LoadDigestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"v2/{repository}/manifests/{reference}", UriKind.Relative));
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { Length: > 0 } digest
            ? digest
            : throw new InvalidDataException($"The registry answered HEAD {repository}:{reference} without a Docker-Content-Digest header.");
    }

    // RFC 5988 as the spec uses it: Link: </v2/<name>/tags/list?n=100&last=b>; rel="next" (relative to the registry).
    private static string? NextPage(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => NextLink().Match(l)).FirstOrDefault(m => m.Success)?.Groups["url"].Value.TrimStart('/')
            : null;

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;\s*rel="?next"?""", RegexOptions.IgnoreCase)]
    private static partial Regex NextLink();
}
