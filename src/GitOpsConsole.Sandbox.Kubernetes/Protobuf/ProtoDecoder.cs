using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Protobuf;

/// <summary>
/// Decodes the application/vnd.kubernetes.protobuf bodies that client-go's typed clients (and so
/// kubectl create/run/expose) send: the "k8s\0" runtime.Unknown envelope, then the object by
/// <see cref="ProtoSchema"/>. Zero values of plain fields are left out, as JSON encoding would.
/// </summary>
internal static class ProtoDecoder
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ProtoReader.Malformed("missing the k8s\\0 prefix");
        }
        var envelope = new ProtoReader(body[Magic.Length..]);
        string? apiVersion = null, kind = null;
        var raw = ReadOnlySpan<byte>.Empty;
        while (!envelope.End)
        {
            var (field, wire) = envelope.ReadTag();
            if (field == 1 && wire == 2)
            {
                var typeMeta = new ProtoReader(envelope.ReadBytes());
                while (!typeMeta.End)
                {
                    var (f, w) = typeMeta.ReadTag();
                    if (w != 2)
                    {
                        typeMeta.Skip(w);
                        continue;
                    }
                    var text = Encoding.UTF8.GetString(typeMeta.ReadBytes());
                    (apiVersion, kind) = f == 1 ? (text, kind) : f == 2 ? (apiVersion, text) : (apiVersion, kind);
                }
            }
            else if (field == 2 && wire == 2)
            {
                raw = envelope.ReadBytes();
            }
            else
            {
                envelope.Skip(wire);
            }
        }
        if (kind is null || !ProtoSchema.RootByKind.TryGetValue(kind, out var message))
        {
            throw new ApiException(415, "UnsupportedMediaType",
                $"the sandbox API server does not decode protobuf for kind {kind ?? "(none)"}; send application/json");
        }
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        DecodeInto(result, raw, message);
        return result;
    }

    private static void DecodeInto(JsonObject target, ReadOnlySpan<byte> data, string message)
    {
        var fields = ProtoSchema.Messages[message];
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (!fields.TryGetValue(number, out var field) || field.Kind == ProtoKind.Ignore)
            {
                if (reader.Skip(wire) && field is null)
                {
                    throw new ApiException(415, "UnsupportedMediaType",
                        $"protobuf field {number} of {message} is not supported by the sandbox API server; send application/json");
                }
                continue;
            }
            var value = Value(field, ref reader, wire, message);
            if (value is null)
            {
                continue;
            }
            if (field.MapValue is not null)
            {
                var map = target[field.Json] as JsonObject ?? [];
                target[field.Json] = map;
                var (key, entry) = ((string, JsonNode?))value;
                map[key] = entry;
            }
            else if (field.Kind == ProtoKind.Inline)
            {
                foreach (var (key, inner) in ((JsonObject)value).ToList())
                {
                    ((JsonObject)value).Remove(key);
                    target[key] = inner;
                }
            }
            else if (field.Repeated)
            {
                var array = target[field.Json] as JsonArray ?? [];
                target[field.Json] = array;
                array.Add((JsonNode?)value);
            }
            else
            {
                target[field.Json] = (JsonNode?)value;
            }
        }
    }

    private static object? Value(ProtoField field, ref ProtoReader reader, int wire, string message)
    {
        if (field.MapValue is { } valueKind)
        {
            return MapEntry(reader.ReadBytes(), valueKind);
        }
        switch (field.Kind)
        {
            case ProtoKind.Int:
                var number = (long)reader.ReadVarint();
                return number == 0 && !field.KeepZero ? null : JsonValue.Create(number);
            case ProtoKind.Bool:
                return reader.ReadVarint() != 0 ? JsonValue.Create(true) : null;
            case ProtoKind.String:
                var text = Encoding.UTF8.GetString(reader.ReadBytes());
                return text.Length == 0 && !field.Repeated ? null : JsonValue.Create(text);
            case ProtoKind.Bytes:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadBytes()));
            case ProtoKind.Message or ProtoKind.Inline when wire == 2:
                var inner = new JsonObject();
                DecodeInto(inner, reader.ReadBytes(), field.Message!);
                return inner;
            case ProtoKind.Time:
                return Time(reader.ReadBytes());
            case ProtoKind.Quantity:
                return Quantity(reader.ReadBytes());
            case ProtoKind.IntOrString:
                return IntOrString(reader.ReadBytes());
            default:
                throw ProtoReader.Malformed($"field {field.Json} of {message} has an unexpected wire type {wire}");
        }
    }

    private static (string, JsonNode?) MapEntry(ReadOnlySpan<byte> data, ProtoKind valueKind)
    {
        var reader = new ProtoReader(data);
        var key = "";
        JsonNode? value = valueKind == ProtoKind.Bytes ? "" : null;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (number == 2)
            {
                var bytes = reader.ReadBytes();
                value = valueKind switch
                {
                    ProtoKind.Bytes => Convert.ToBase64String(bytes),
                    ProtoKind.Quantity => Quantity(bytes),
                    _ => Encoding.UTF8.GetString(bytes),
                };
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return (key, value ?? "");
    }

    private static JsonValue? Quantity(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        string? text = null;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1 && wire == 2)
            {
                text = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return text is null ? null : JsonValue.Create(text);
    }

    private static JsonValue? IntOrString(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long type = 0, number = 0;
        var text = "";
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: type = (long)reader.ReadVarint(); break;
                case 2: number = (long)reader.ReadVarint(); break;
                case 3: text = Encoding.UTF8.GetString(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        return type == 1 ? JsonValue.Create(text) : JsonValue.Create(number);
    }

    private static JsonValue? Time(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long seconds = 0;
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1)
            {
                seconds = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return seconds == 0 ? null : JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
