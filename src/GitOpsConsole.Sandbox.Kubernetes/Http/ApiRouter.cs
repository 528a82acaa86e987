using System.Text.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>The single request delegate: discovery, OpenAPI and resource URLs; every failure becomes a Status.</summary>
internal sealed partial class ApiRouter(ServerContext context, ResourceEndpoint resources, ILogger logger)
{
    public string ServerAddress { get; set; } = "127.0.0.1:0";

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var path = http.Request.Path.Value ?? "/";
        try
        {
            if (Discovery(path) is { } document)
            {
                await HttpIo.WriteJsonAsync(http.Response, 200, document, ct);
                return;
            }
            var parsed = ApiPath.Parse(path, (g, v, r) => context.Registry.Find(g, v, r) is not null);
            if (parsed is null)
            {
                throw new ApiException(404, "NotFound", "the server could not find the requested resource");
            }
            await resources.HandleAsync(http, parsed, ct);
        }
        catch (ApiException e) when (!http.Response.HasStarted)
        {
            LogRejected(logger, http.Request.Method, path, e.Code, e.Message);
            await HttpIo.WriteErrorAsync(http.Response, e, ct);
        }
        catch (JsonException e) when (!http.Response.HasStarted)
        {
            await HttpIo.WriteErrorAsync(http.Response, ApiException.BadRequest(e.Message), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client disconnected.
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            // A defect in the emulator: answer like an API server would (a 500 Status) instead of a bare reset.
            LogFailed(logger, http.Request.Method, path, e);
            await HttpIo.WriteErrorAsync(http.Response, new ApiException(500, "InternalError", "an error on the server (" + e.Message + ") has prevented the request from succeeding"), ct);
        }
    }

    private System.Text.Json.Nodes.JsonObject? Discovery(string path)
    {
        var types = context.Registry.All;
        var trimmed = path.TrimEnd('/');
        if (trimmed is "/version")
        {
            return DiscoveryDocuments.Version();
        }
        if (trimmed is "/api")
        {
            return DiscoveryDocuments.CoreVersions(ServerAddress);
        }
        if (trimmed is "/apis")
        {
            return DiscoveryDocuments.GroupList(types);
        }
        if (trimmed is "/openapi/v3")
        {
            return OpenApiDocuments.Root(types);
        }
        if (trimmed.StartsWith("/openapi/v3/", StringComparison.Ordinal))
        {
            return OpenApiDocuments.GroupVersion(types, trimmed["/openapi/v3/".Length..])
                ?? throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", var version] => DiscoveryDocuments.ResourceList(types, "", version) ?? NotFound(),
            ["apis", var group] => DiscoveryDocuments.Group(types, group) ?? NotFound(),
            ["apis", var group, var version] => DiscoveryDocuments.ResourceList(types, group, version) ?? NotFound(),
            _ => null,
        };
    }

    private static System.Text.Json.Nodes.JsonObject NotFound() =>
        throw new ApiException(404, "NotFound", "the server could not find the requested resource");

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} rejected with {Code}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int code, string reason);
}
