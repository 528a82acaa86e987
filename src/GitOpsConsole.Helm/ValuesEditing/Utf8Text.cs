using System.Text;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Strict UTF-8 decoding that keeps a BOM as U+FEFF, so decoding then encoding gives back the same bytes.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new YamlEditException(YamlEditError.InvalidYaml, "the file is UTF-16; only UTF-8 files are edited");
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new YamlEditException(YamlEditError.InvalidYaml, $"the file is not valid UTF-8 (byte offset {ex.Index})", 0, 0, ex);
        }
    }
}
