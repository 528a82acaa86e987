using System.Buffers;
using System.Globalization;
using System.Text;
using GitOpsConsole.Helm.Yaml;
using YamlDotNet.Core;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Writes a new scalar in the style of the one it replaces: single and double quotes stay, plain stays plain unless the
/// value would then read back as another type (go-yaml v2 / YAML 1.1 typing, as Helm reads values) or another structure.
/// </summary>
internal static class ScalarQuoting
{
    private static readonly SearchValues<char> FlowIndicators = SearchValues.Create(",[]{}:?");

    public static string Render(ScalarValue value, ScalarStyle currentStyle, bool inFlow)
    {
        var text = value.Content;
        if (!IsWellFormed(text))
        {
            throw new YamlEditException(YamlEditError.InvalidValue, "the new value contains a lone UTF-16 surrogate and cannot be written as UTF-8");
        }

        if (value.Kind == ScalarValueKind.Typed)
        {
            return ReadsAsTyped(text) && IsPlainSafe(text, inFlow) ? text
                : throw new YamlEditException(YamlEditError.InvalidValue, $"'{text}' is not a YAML number, boolean or null; write it as a string instead");
        }

        return currentStyle switch
        {
            ScalarStyle.SingleQuoted when CanSingleQuote(text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
            ScalarStyle.Plain when ReadsAsString(text) && IsPlainSafe(text, inFlow) => text,
            _ => DoubleQuote(text),
        };
    }

    /// <summary>Whether the current scalar already means <paramref name="value"/> (same content, same kind): then there is nothing to write.</summary>
    public static bool AlreadyMeans(YamlScalarNode node, ScalarValue value)
    {
        if (node.Value != value.Content)
        {
            return false;
        }

        var plainUntagged = node.Style == ScalarStyle.Plain && node.Tag is null;
        return value.Kind == ScalarValueKind.Typed ? plainUntagged : !plainUntagged || ReadsAsString(node.Value);
    }

    // "<<" is the merge key's tag in YAML 1.1 resolution; quoting it keeps it an ordinary string wherever it lands.
    private static bool ReadsAsString(string text) =>
        ScalarResolver.Resolve(text, out _) == ScalarResolver.Kind.String && !ScalarResolver.IsBase60Float(text) && text != "<<";

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            i += used;
        }

        return true;
    }

    private static bool ReadsAsTyped(string text) =>
        ScalarResolver.Resolve(text, out _) is not ScalarResolver.Kind.String and not ScalarResolver.Kind.Timestamp;

    private static bool IsPlainSafe(string text, bool inFlow) =>
        text.Length > 0 && ScalarAnalysis.Analyze(text).BlockPlainAllowed &&
        (!inFlow || text.AsSpan().IndexOfAny(FlowIndicators) < 0);

    private static bool CanSingleQuote(string text)
    {
        var analysis = ScalarAnalysis.Analyze(text);
        return analysis.SingleQuotedAllowed && !analysis.Multiline;
    }

    private static string DoubleQuote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                '\r' => sb.Append("\\r"),
                '\0' => sb.Append("\\0"),
                _ when c is >= 0x20 and <= 0x7E => sb.Append((char)c),
                _ when c < 0x80 || (c is >= 0x80 and < 0xA0) => sb.Append("\\x").Append(c.ToString("X2", CultureInfo.InvariantCulture)),
                _ when (ScalarAnalysis.IsPrintable(c) && c is not (0x2028 or 0x2029)) || c > 0xFFFF => sb.Append(rune.ToString()),
                _ => sb.Append("\\u").Append(c.ToString("X4", CultureInfo.InvariantCulture)),
            };
        }

        return sb.Append('"').ToString();
    }
}
