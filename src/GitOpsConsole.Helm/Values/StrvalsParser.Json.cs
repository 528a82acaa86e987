using System.Text;
using System.Text.Json;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Values;

/// <summary>--set-json values: exactly one JSON document per key, then an optional comma.</summary>
internal sealed partial class StrvalsParser
{
    private object? ReadJsonValue()
    {
        var bytes = Encoding.UTF8.GetBytes(_text[_pos..]);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read())
            {
                throw Error("missing JSON value");
            }

            reader.Skip();
        }
        catch (JsonException ex)
        {
            throw Error($"invalid JSON value: {ex.Message}");
        }

        var consumed = Encoding.UTF8.GetString(bytes, 0, (int)reader.BytesConsumed);
        _pos += consumed.Length;
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        if (!AtEnd)
        {
            if (_text[_pos] != ',')
            {
                throw Error($"unexpected data after JSON value: {_text[_pos..]}");
            }

            _pos++;
        }

        return JsonValueReader.Read(consumed);
    }
}
