using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// A dotted path into a YAML document: <c>image.tag</c>, <c>containers[0].image</c>, <c>annotations."app.io/x"</c>.
/// Keys holding dots or brackets are quoted (double quotes with <c>\"</c> and <c>\\</c> escapes, or single quotes with <c>''</c>).
/// </summary>
public sealed class YamlPath
{
    private YamlPath(string text, IReadOnlyList<YamlPathSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<YamlPathSegment> Segments { get; }

    public override string ToString() => Text;

    /// <summary>The path up to and including segment <paramref name="count"/> - 1, for messages.</summary>
    public string Prefix(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var segment = Segments[i];
            if (!segment.IsIndex && sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(segment.ToString());
        }

        return sb.ToString();
    }

    public static YamlPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<YamlPathSegment>();
        var i = 0;
        var expectKey = true;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                segments.Add(YamlPathSegment.ForIndex(ReadIndex(text, ref i)));
                expectKey = false;
                continue;
            }

            if (!expectKey)
            {
                if (text[i] != '.')
                {
                    throw Invalid(text, $"expected '.' or '[' at offset {i}");
                }

                i++;
                if (i == text.Length)
                {
                    throw Invalid(text, "ends with '.'");
                }
            }

            segments.Add(YamlPathSegment.ForKey(text[i] is '"' or '\'' ? ReadQuoted(text, ref i) : ReadBare(text, ref i)));
            expectKey = false;
        }

        return segments.Count == 0 ? throw Invalid(text, "is empty") : new YamlPath(text, segments);
    }

    private static string ReadBare(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is not ('.' or '['))
        {
            i++;
        }

        return i > start ? text[start..i] : throw Invalid(text, $"has an empty key at offset {start}");
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote && quote == '\'' && i < text.Length && text[i] == '\'')
            {
                sb.Append('\'');
                i++;
            }
            else if (c == quote)
            {
                return sb.ToString();
            }
            else if (c == '\\' && quote == '"' && i < text.Length && text[i] is '"' or '\\')
            {
                sb.Append(text[i++]);
            }
            else
            {
                sb.Append(c);
            }
        }

        throw Invalid(text, "has an unterminated quoted key");
    }

    private static int ReadIndex(string text, ref int i)
    {
        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            throw Invalid(text, $"has an unterminated '[' at offset {i}");
        }

        var digits = text[(i + 1)..close];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) ||
            !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Invalid(text, $"has a non-numeric index '[{digits}]'");
        }

        i = close + 1;
        return index;
    }

    private static YamlEditException Invalid(string text, string why) =>
        new(YamlEditError.InvalidPath, $"YAML path '{text}' {why}");
}
