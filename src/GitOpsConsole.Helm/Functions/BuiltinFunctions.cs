using System.Collections;
using System.Net;
using System.Text;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Go text/template's predefined functions (and and or are evaluated lazily by the executor).</summary>
internal static class BuiltinFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Variadic("and", 1, (_, a) => a[^1]);
        r.Variadic("or", 1, (_, a) => a[^1]);
        r.Fixed("not", 1, (_, a) => !GoValues.IsTrue(a[0]));
        r.Fixed("len", 1, (_, a) => Length(a[0]));
        r.Variadic("index", 1, (_, a) => Index(a));
        r.Variadic("slice", 1, (_, a) => a[0] is string s ? SliceString(s, a) : SliceList(a));
        r.Variadic("print", 0, (_, a) => Sprint(a));
        r.Variadic("println", 0, (_, a) => string.Join(' ', a.Select(GoValues.Sprint)) + "\n");
        r.Variadic("printf", 1, (_, a) => GoFormat.Sprintf(Args.String(a, 0), a.Skip(1).ToList()));
        r.Variadic("eq", 1, (_, a) => Comparison.Equal(a[0], a.Skip(1).ToList()));
        r.Fixed("ne", 2, (_, a) => !Comparison.Equal(a[0], [a[1]]));
        r.Fixed("lt", 2, (_, a) => Comparison.Less(a[0], a[1]));
        r.Fixed("le", 2, (_, a) => Comparison.Less(a[0], a[1]) || Comparison.Equal(a[0], [a[1]]));
        r.Fixed("gt", 2, (_, a) => !Comparison.Less(a[0], a[1]) && !Comparison.Equal(a[0], [a[1]]));
        r.Fixed("ge", 2, (_, a) => !Comparison.Less(a[0], a[1]));
        r.Variadic("html", 0, (_, a) => HtmlEscape(Sprint(a)));
        r.Variadic("urlquery", 0, (_, a) => WebUtility.UrlEncode(Sprint(a)));
        r.Variadic("js", 0, (_, a) => JsEscape(Sprint(a)));
    }

    /// <summary>fmt.Sprint: a space between operands only when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                sb.Append(' ');
            }

            sb.Append(GoValues.Sprint(args[i]));
        }

        return sb.ToString();
    }

    private static int Length(object? value) => value switch
    {
        null => throw new FunctionException("len of nil pointer"),
        string s => Encoding.UTF8.GetByteCount(s),
        ICollection c => c.Count,
        _ => throw new FunctionException($"len of type {GoValues.TypeName(value)}"),
    };

    private static object? Index(IReadOnlyList<object?> args)
    {
        var item = args[0];
        if (item is null)
        {
            throw new FunctionException("index of untyped nil");
        }

        for (var i = 1; i < args.Count; i++)
        {
            var key = args[i];
            switch (item)
            {
                case IDictionary<string, object?> map:
                    if (key is not string k)
                    {
                        throw new FunctionException($"value has type {GoValues.TypeName(key)}; should be string");
                    }

                    item = map.TryGetValue(k, out var v) ? v : null;
                    break;
                case IList list:
                    var index = IndexArg(key, list.Count);
                    item = list[index];
                    break;
                case string s:
                    item = (long)Encoding.UTF8.GetBytes(s)[IndexArg(key, Encoding.UTF8.GetByteCount(s))];
                    break;
                case null:
                    throw new FunctionException("index of untyped nil");
                default:
                    throw new FunctionException($"can't index item of type {GoValues.TypeName(item)}");
            }
        }

        return item;
    }

    private static int IndexArg(object? key, int length)
    {
        if (!GoValues.TryGetInteger(key, out var index))
        {
            throw new FunctionException($"cannot index slice/array with type {GoValues.TypeName(key)}");
        }

        if (index < 0 || index >= length)
        {
            throw new FunctionException($"index out of range: {index}");
        }

        return (int)index;
    }

    private static (int From, int To) SliceBounds(IReadOnlyList<object?> args, int length)
    {
        var from = args.Count > 1 ? IndexBound(args[1], length) : 0;
        var to = args.Count > 2 ? IndexBound(args[2], length) : length;
        if (from > to)
        {
            throw new FunctionException($"invalid slice index: {from} > {to}");
        }

        return (from, to);
    }

    private static string SliceString(string s, IReadOnlyList<object?> args)
    {
        var (from, to) = SliceBounds(args, s.Length);
        return s[from..to];
    }

    private static List<object?> SliceList(IReadOnlyList<object?> args)
    {
        if (args[0] is not IList list)
        {
            throw new FunctionException($"can't slice item of type {GoValues.TypeName(args[0])}");
        }

        var (from, to) = SliceBounds(args, list.Count);
        return list.Cast<object?>().Skip(from).Take(to - from).ToList();
    }

    private static int IndexBound(object? value, int length)
    {
        if (!GoValues.TryGetInteger(value, out var index) || index < 0 || index > length)
        {
            throw new FunctionException($"index out of range: {GoValues.Sprint(value)}");
        }

        return (int)index;
    }

    /// <summary>Go's template.HTMLEscapeString.</summary>
    private static string HtmlEscape(string s) => s
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("\0", "\uFFFD", StringComparison.Ordinal);

    private static string JsEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '=' => "\\u003D",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
