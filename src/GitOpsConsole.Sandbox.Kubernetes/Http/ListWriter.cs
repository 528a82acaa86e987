using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// Streams a list response, splicing each item's stored UTF-8 and flushing as it goes, so a
/// 10k-item list is neither re-serialised nor buffered whole.
/// </summary>
internal static class ListWriter
{
    private const int FlushEvery = 256 * 1024;

    public static async Task WriteAsync(PipeWriter output, ResourceType type, ListPage page, Func<StoredObject, ReadOnlyMemory<byte>> present, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", page.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        if (page.Continue is not null)
        {
            writer.WriteString("continue", page.Continue);
        }
        if (page.RemainingItemCount is { } remaining)
        {
            writer.WriteNumber("remainingItemCount", remaining);
        }
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            writer.WriteRawValue(present(item).Span, skipInputValidation: true);
            if (writer.BytesPending >= FlushEvery)
            {
                await writer.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }
}
