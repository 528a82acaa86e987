using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// The read side of the distribution API the console's adapters use. One handler parses the path
/// itself because repository names contain slashes, which route templates can't express.
/// </summary>
internal sealed partial class RegistryEndpoints(RegistryStorage storage)
{
    public const string ApiVersionHeader = "Docker-Distribution-API-Version";

    public Task HandleAsync(HttpContext context)
    {
        context.Response.Headers[ApiVersionHeader] = "registry/2.0";
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "UNSUPPORTED", "This sandbox registry is read-only over HTTP; images are published by the CI runner.");
        }
        if (path is "/v2" or "/v2/")
        {
            return WriteJsonAsync(context, new { });
        }
        if (path == "/v2/_catalog")
        {
            return WritePageAsync(context, storage.Repositories(), "/v2/_catalog", items => new { repositories = items });
        }
        var match = ApiPath().Match(path);
        if (!match.Success)
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status404NotFound, "UNSUPPORTED", $"No registry API at {path}.");
        }
        var name = match.Groups["name"].Value;
        if (!RegistryNames.IsValidRepository(name))
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "NAME_INVALID", $"Invalid repository name '{name}'.");
        }
        if (!storage.RepositoryExists(name))
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NAME_UNKNOWN", "repository name not known to registry", new { name });
        }
        var reference = match.Groups["reference"].Value;
        return match.Groups["kind"].Value switch
        {
            "tags/list" => WritePageAsync(context, storage.Tags(name)!, $"/v2/{name}/tags/list", tags => new { name, tags }),
            "manifests" => ManifestAsync(context, name, reference),
            _ => BlobAsync(context, name, reference),
        };
    }

    private Task ManifestAsync(HttpContext context, string name, string reference)
    {
        if (!RegistryNames.IsValidDigest(reference) && !RegistryNames.IsValidTag(reference))
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "MANIFEST_INVALID", $"'{reference}' is neither a tag nor a sha256 digest.");
        }
        var digest = storage.ResolveManifest(name, reference);
        return digest is null
            ? RegistryErrors.WriteAsync(context, StatusCodes.Status404NotFound, "MANIFEST_UNKNOWN", "manifest unknown", new { name, reference })
            : WriteContentAsync(context, storage.ReadBlob(digest), digest, OciMediaTypes.ImageManifest);
    }

    private Task BlobAsync(HttpContext context, string name, string digest)
    {
        if (!RegistryNames.IsValidDigest(digest))
        {
            return RegistryErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "DIGEST_INVALID", $"'{digest}' is not a sha256 digest.");
        }
        return storage.HasBlob(name, digest)
            ? WriteContentAsync(context, storage.ReadBlob(digest), digest, "application/octet-stream")
            : RegistryErrors.WriteAsync(context, StatusCodes.Status404NotFound, "BLOB_UNKNOWN", "blob unknown to registry", new { name, digest });
    }

    /// <summary>n/last pagination of the distribution spec, with a Link header when more remain.</summary>
    private static Task WritePageAsync(HttpContext context, IReadOnlyList<string> all, string path, Func<IReadOnlyList<string>, object> shape)
    {
        var query = context.Request.Query;
        int? n = null;
        if (query.TryGetValue("n", out var nText))
        {
            if (!int.TryParse(nText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return RegistryErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "PAGINATION_NUMBER_INVALID", $"n must be a non-negative integer, got '{nText}'.");
            }
            n = parsed;
        }
        var last = query["last"].ToString();
        var remaining = string.IsNullOrEmpty(last) ? all : [.. all.Where(item => string.CompareOrdinal(item, last) > 0)];
        var page = n is { } size ? [.. remaining.Take(size)] : remaining;
        if (n is { } limit && limit > 0 && remaining.Count > page.Count)
        {
            context.Response.Headers.Link = $"<{path}?n={limit}&last={Uri.EscapeDataString(page[^1])}>; rel=\"next\"";
        }
        return WriteJsonAsync(context, shape(page));
    }

    private static Task WriteJsonAsync(HttpContext context, object body) =>
        WriteContentAsync(context, JsonSerializer.SerializeToUtf8Bytes(body), digest: null, "application/json");

    private static Task WriteContentAsync(HttpContext context, byte[] content, string? digest, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        if (digest is not null)
        {
            context.Response.Headers["Docker-Content-Digest"] = digest;
            context.Response.Headers.ETag = $"\"{digest}\"";
        }
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(content).AsTask();
    }

    [GeneratedRegex("^/v2/(?<name>.+)/(?:(?<kind>tags/list)|(?<kind>manifests|blobs)/(?<reference>[^/]+))$")]
    private static partial Regex ApiPath();
}
