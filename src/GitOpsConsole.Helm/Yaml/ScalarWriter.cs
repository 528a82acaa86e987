using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>Writes a string scalar the way go-yaml v2 does: plain when safe, else single or double quoted, literal when multi-line.</summary>
internal static class ScalarWriter
{
    private enum Style
    {
        Plain,
        Single,
        Double,
        Literal,
    }

    /// <param name="indent">The indentation continuation lines and block content use (container indent + 2).</param>
    /// <param name="isKey">Keys are simple keys: never folded, never block scalars.</param>
    public static void WriteString(YamlOutput output, string value, int indent, bool isKey)
    {
        var resolvesToString = ScalarResolver.Resolve(value, out _) == ScalarResolver.Kind.String && !ScalarResolver.IsBase60Float(value);
        var style = value.Contains('\n', StringComparison.Ordinal) ? Style.Literal : resolvesToString ? Style.Plain : Style.Double;
        var analysis = ScalarAnalysis.Analyze(value);
        if (style == Style.Literal && (!analysis.BlockAllowed || isKey))
        {
            style = Style.Double;
        }

        if (style == Style.Plain && (!analysis.BlockPlainAllowed || (value.Length == 0 && isKey)))
        {
            style = Style.Single;
        }

        if (style == Style.Single && !analysis.SingleQuotedAllowed)
        {
            style = Style.Double;
        }

        switch (style)
        {
            case Style.Plain:
                WritePlain(output, value, indent, allowBreaks: !isKey);
                break;
            case Style.Single:
                WriteSingle(output, value, indent, allowBreaks: !isKey);
                break;
            case Style.Literal:
                WriteLiteral(output, value, indent);
                break;
            default:
                WriteDouble(output, value, indent, allowBreaks: !isKey);
                break;
        }
    }

    private static void WritePlain(YamlOutput output, string value, int indent, bool allowBreaks)
    {
        var runes = value.EnumerateRunes().ToArray();
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            if (runes[i].Value == ' ')
            {
                if (allowBreaks && !spaces && output.Column > YamlOutput.BestWidth && !(i + 1 < runes.Length && runes[i + 1].Value == ' '))
                {
                    output.Indent(indent);
                }
                else
                {
                    output.Write(runes[i]);
                }

                spaces = true;
                continue;
            }

            output.Write(runes[i]);
            spaces = false;
        }
    }

    private static void WriteSingle(YamlOutput output, string value, int indent, bool allowBreaks)
    {
        var runes = value.EnumerateRunes().ToArray();
        output.Write('\'');
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            if (runes[i].Value == ' ')
            {
                if (allowBreaks && !spaces && output.Column > YamlOutput.BestWidth && i > 0 && i < runes.Length - 1 && runes[i + 1].Value != ' ')
                {
                    output.Indent(indent);
                }
                else
                {
                    output.Write(runes[i]);
                }

                spaces = true;
                continue;
            }

            if (runes[i].Value == '\'')
            {
                output.Write('\'');
            }

            output.Write(runes[i]);
            spaces = false;
        }

        output.Write('\'');
    }

    private static void WriteDouble(YamlOutput output, string value, int indent, bool allowBreaks)
    {
        var runes = value.EnumerateRunes().ToArray();
        output.Write('"');
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            if (!ScalarAnalysis.IsPrintable(c) || c == 0xFEFF || ScalarAnalysis.IsBreak(c) || c is '"' or '\\')
            {
                output.Write(Escape(c));
                spaces = false;
                continue;
            }

            if (c == ' ')
            {
                if (allowBreaks && !spaces && output.Column > YamlOutput.BestWidth && i != 0 && i != runes.Length - 1)
                {
                    output.Indent(indent);
                    if (i + 1 < runes.Length && runes[i + 1].Value == ' ')
                    {
                        output.Write('\\');
                    }
                }
                else
                {
                    output.Write(' ');
                }

                spaces = true;
                continue;
            }

            output.Write(runes[i]);
            spaces = false;
        }

        output.Write('"');
    }

    private static string Escape(int c) => c switch
    {
        0 => "\\0",
        7 => "\\a",
        8 => "\\b",
        9 => "\\t",
        10 => "\\n",
        11 => "\\v",
        12 => "\\f",
        13 => "\\r",
        0x1B => "\\e",
        '"' => "\\\"",
        '\\' => "\\\\",
        0x85 => "\\N",
        0xA0 => "\\_",
        0x2028 => "\\L",
        0x2029 => "\\P",
        <= 0xFF => "\\x" + c.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture),
        _ => "\\U" + c.ToString("X8", CultureInfo.InvariantCulture),
    };

    private static void WriteLiteral(YamlOutput output, string value, int indent)
    {
        output.Write('|');
        if (value[0] is ' ' or '\n')
        {
            output.Write('2');
        }

        if (!value.EndsWith('\n'))
        {
            output.Write('-');
        }
        else if (value.Length == 1 || value[^2] == '\n')
        {
            output.Write('+');
        }

        output.NewLine();
        var breaks = true;
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                output.NewLine();
                breaks = true;
                continue;
            }

            if (breaks)
            {
                output.Indent(indent);
            }

            output.Write(rune);
            breaks = false;
        }
    }
}
