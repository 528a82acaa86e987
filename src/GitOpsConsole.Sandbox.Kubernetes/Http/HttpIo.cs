using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>Request body reading (with the 3 MiB limit) and JSON response writing.</summary>
internal static class HttpIo
{
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            if (result.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.Start);
                throw TooLarge();
            }
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Parses a JSON or YAML object body; malformed input is a 400 Status.</summary>
    public static JsonObject ParseObject(byte[] body, string? contentType)
    {
        if (contentType?.Contains("protobuf", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Protobuf.ProtoDecoder.Decode(body);
        }
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty");
        }
        var yaml = contentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
        var text = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (!yaml || (text.Length > 0 && text[0] == (byte)'{'))
        {
            try
            {
                return JsonOps.ParseObject(body);
            }
            catch (JsonException e) when (!yaml)
            {
                throw ApiException.BadRequest($"the body of the request was in an unknown format or malformed JSON: {e.Message}");
            }
            catch (JsonException)
            {
                // Flow-style YAML that is not strict JSON: let the YAML reader decide.
            }
        }
        return YamlReader.ParseObject(Encoding.UTF8.GetString(body));
    }

    public static JsonNode ParseAny(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw ApiException.BadRequest("the patch is null");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the body of the request was in an unknown format or malformed JSON: {e.Message}");
        }
    }

    public static Task WriteJsonAsync(HttpResponse response, int status, JsonNode node, CancellationToken ct) =>
        WriteBytesAsync(response, status, JsonOps.ToBytes(node), ct);

    public static async Task WriteBytesAsync(HttpResponse response, int status, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    public static Task WriteErrorAsync(HttpResponse response, ApiException error, CancellationToken ct) =>
        WriteJsonAsync(response, error.Code, StatusObjects.Failure(error), ct);

    private static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"the request body is larger than the {MaxBodyBytes / (1024 * 1024)} MiB limit");

}
