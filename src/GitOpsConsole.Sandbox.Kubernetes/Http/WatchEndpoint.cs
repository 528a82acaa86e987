using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// Streams watch events as newline-delimited JSON. Selectors are applied per event with the
/// previous revision, so an object leaving the selection is reported DELETED and one entering it ADDED.
/// </summary>
internal sealed class WatchEndpoint(ServerContext context, TimeSpan bookmarkInterval)
{
    public async Task StreamAsync(HttpContext http, ResourceType type, string? ns, CancellationToken ct, string? name = null)
    {
        var request = http.Request;
        var query = RequestOptions.ListQuery(request, type.Converter);
        var since = ParseResourceVersion(RequestOptions.Query(request, "resourceVersion"));
        var bookmarks = RequestOptions.Flag(request, "allowWatchBookmarks");
        var tables = TableFormat.Requested(request);
        var timeout = RequestOptions.Long(request, "timeoutSeconds");
        var response = http.Response;
        using var subscription = Subscribe(type, ns, since, out var gone);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        if (gone is not null)
        {
            await WriteLineAsync(response, Line("ERROR", StatusObjects.Failure(gone)), ct);
            return;
        }
        await response.Body.FlushAsync(ct);
        using var deadline = timeout is > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(timeout.Value), context.Time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            while (!linked.IsCancellationRequested)
            {
                using var tick = new CancellationTokenSource(bookmarkInterval, context.Time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, tick.Token);
                WatchEvent change;
                try
                {
                    change = await subscription!.Events.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (tick.IsCancellationRequested && !linked.IsCancellationRequested)
                {
                    if (bookmarks)
                    {
                        await WriteLineAsync(response, Bookmark(type, context.Store.CurrentResourceVersion), linked.Token);
                    }
                    continue;
                }
                if (Translate(change, query, name) is { } eventType)
                {
                    var payload = tables
                        ? JsonOps.ToBytes(TableFormat.ForObject(type, change.Object, context.Time.GetUtcNow()))
                        : ResourceEndpoint.Present(type, change.Object).ToArray();
                    await WriteLineAsync(response, Line(eventType, payload), linked.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Client went away or timeoutSeconds elapsed: the stream simply ends.
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // The emulator is stopping.
        }
    }

    private WatchSubscription? Subscribe(ResourceType type, string? ns, long? since, out ApiException? gone)
    {
        gone = null;
        try
        {
            return context.Store.Subscribe(type.StorageKey, ns, since);
        }
        catch (ApiException e) when (e.Code == 410)
        {
            gone = e;
            return null;
        }
    }

    private static string? Translate(WatchEvent change, ListQuery query, string? name)
    {
        bool Selected(StoredObject? o) => o is not null && (name is null || o.Name == name) && query.Matches(o);
        var now = Selected(change.Object);
        var before = change.Type != WatchEventType.Added && Selected(change.Previous);
        return change.Type switch
        {
            WatchEventType.Added => now ? "ADDED" : null,
            WatchEventType.Deleted => before ? "DELETED" : null,
            _ when now && before => "MODIFIED",
            _ when now => "ADDED",
            _ when before => "DELETED",
            _ => null,
        };
    }

    private static long? ParseResourceVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid resource version \"{text}\"");
    }

    private static byte[] Bookmark(ResourceType type, long resourceVersion) => Line("BOOKMARK", JsonOps.ToBytes(new JsonObject
    {
        ["kind"] = type.Kind,
        ["apiVersion"] = type.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
    }));

    private static byte[] Line(string type, JsonObject obj) => Line(type, JsonOps.ToBytes(obj));

    private static byte[] Line(string type, byte[] objectJson)
    {
        using var stream = new MemoryStream(objectJson.Length + 40);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            writer.WriteRawValue(objectJson, skipInputValidation: true);
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static async Task WriteLineAsync(HttpResponse response, byte[] line, CancellationToken ct)
    {
        await response.Body.WriteAsync(line, ct);
        await response.Body.FlushAsync(ct);
    }
}
