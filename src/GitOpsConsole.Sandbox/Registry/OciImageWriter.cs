using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>The three documents of a single-layer OCI image, as the exact bytes that get digested.</summary>
internal sealed record OciImage(byte[] Manifest, byte[] Config, byte[] Layer)
{
    public string ManifestDigest { get; } = Sha256Digest.Of(Manifest);
}

/// <summary>Builds an OCI image manifest, its config (behaviour in the labels) and one gzipped tar layer.</summary>
internal static class OciImageWriter
{
    public static OciImage Write(ImagePublication publication, DateTimeOffset created)
    {
        var tar = TarOf(publication.Files ?? new Dictionary<string, byte[]>(), created);
        var layer = Gzip(tar);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in publication.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }
        ImageBehaviorLabels.Write(publication.Behavior, labels);

        var config = Serialize(new JsonObject
        {
            ["created"] = created.UtcDateTime.ToString("O"),
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Labels"] = JsonSerializer.SerializeToNode(labels) },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(Sha256Digest.Of(tar)) },
        });
        var manifest = Serialize(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.ImageManifest,
            ["config"] = Descriptor(OciMediaTypes.ImageConfig, config),
            ["layers"] = new JsonArray(Descriptor(OciMediaTypes.LayerTarGzip, layer)),
            ["annotations"] = new JsonObject { ["org.opencontainers.image.created"] = created.UtcDateTime.ToString("O") },
        });
        return new OciImage(manifest, config, layer);
    }

    /// <summary>The config digest a manifest names, so the behaviour can be read back from the config blob.</summary>
    public static string ConfigDigestOf(byte[] manifest) =>
        JsonNode.Parse(manifest)?["config"]?["digest"]?.GetValue<string>()
        ?? throw new InvalidDataException("The manifest names no config digest.");

    public static IReadOnlyDictionary<string, string>? LabelsOf(byte[] config) =>
        JsonNode.Parse(config)?["config"]?["Labels"]?.Deserialize<Dictionary<string, string>>();

    /// <summary>The config's <c>created</c> time, when it has a readable one.</summary>
    public static DateTimeOffset? CreatedOf(byte[] config) =>
        JsonNode.Parse(config)?["created"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var created)
            ? created : null;

    private static JsonObject Descriptor(string mediaType, byte[] content) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = Sha256Digest.Of(content),
        ["size"] = content.Length,
    };

    private static byte[] Serialize(JsonObject document) => JsonSerializer.SerializeToUtf8Bytes(document);

    private static byte[] TarOf(IReadOnlyDictionary<string, byte[]> files, DateTimeOffset created)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path.TrimStart('/'))
                {
                    DataStream = new MemoryStream(content),
                    ModificationTime = created,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                writer.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return buffer.ToArray();
    }
}
