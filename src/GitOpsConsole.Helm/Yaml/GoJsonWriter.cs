using System.Collections;
using System.Globalization;
using System.Text;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>Go's encoding/json Marshal: sorted keys, HTML-safe escaping, Go's float formatting.</summary>
internal static class GoJsonWriter
{
    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FormatFloat(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case IDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var key in GoValues.SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, map[key]);
                }

                sb.Append('}');
                break;
            case byte[] bytes:
                WriteString(sb, Convert.ToBase64String(bytes));
                break;
            case IList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, list[i]);
                }

                sb.Append(']');
                break;
            default:
                WriteString(sb, value.ToString() ?? string.Empty);
                break;
        }
    }

    public static string FormatFloat(double d)
    {
        var abs = Math.Abs(d);
        var useExponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        var text = GoFloat.Format(d, useExponent ? 'e' : 'f', -1);
        if (useExponent && text.Length >= 4 && text[^4] == 'e' && text[^3] == '-' && text[^2] == '0')
        {
            text = text[..^2] + text[^1];
        }

        return text;
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
