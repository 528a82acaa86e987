using System.Collections;
using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Templates;

/// <summary>
/// Go semantics for the dynamic values templates see: maps are <see cref="Dictionary{TKey,TValue}"/> of string keys,
/// lists are <see cref="List{T}"/>, integers are <see cref="long"/>, floats <see cref="double"/>.
/// </summary>
internal static class GoValues
{
    /// <summary>Go's notion of truth used by if, with, and, or, not.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        IHostObject h => h.IsTrue,
        _ => true,
    };

    /// <summary>The Go type name used in error messages, typeOf and kindOf.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        bool => "bool",
        long => "int64",
        int => "int",
        double => "float64",
        byte[] => "[]uint8",
        IDictionary => "map[string]interface {}",
        IList => "[]interface {}",
        IHostObject h => h.GoTypeName,
        _ => value.GetType().Name,
    };

    public static string KindName(object? value) => value switch
    {
        null => "invalid",
        string => "string",
        bool => "bool",
        long => "int64",
        int => "int",
        double => "float64",
        IDictionary => "map",
        IList or byte[] => "slice",
        IHostObject h => h.GoKindName,
        _ => "struct",
    };

    /// <summary>What an action prints: Go prints a missing value as &lt;no value&gt; (Helm later blanks it).</summary>
    public static string PrintAction(object? value) => value is null ? "<no value>" : Sprint(value);

    /// <summary>fmt's %v.</summary>
    public static string Sprint(object? value)
    {
        var sb = new StringBuilder();
        AppendValue(sb, value);
        return sb.ToString();
    }

    private static void AppendValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("<nil>");
                break;
            case string s:
                sb.Append(s);
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
                sb.Append(GoFormat.FormatFloat(d, 'g', -1));
                break;
            case byte[] bytes:
                sb.Append('[').AppendJoin(' ', bytes).Append(']');
                break;
            case IDictionary<string, object?> map:
                sb.Append("map[");
                var first = true;
                foreach (var key in SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(' ');
                    }

                    first = false;
                    sb.Append(key).Append(':');
                    AppendValue(sb, map[key]);
                }

                sb.Append(']');
                break;
            case IList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    AppendValue(sb, list[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(value.ToString());
                break;
        }

    }

    public static List<string> SortedKeys(IDictionary<string, object?> map)
    {
        var keys = new List<string>(map.Keys);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Integer view of a number, for functions that take Go ints.</summary>
    public static bool TryGetInteger(object? value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
