using System.Text;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Sprig's string functions.</summary>
internal static class StringFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("trim", 1, (_, a) => Args.Str(a[0]).Trim());
        r.Fixed("trimAll", 2, (_, a) => Args.Str(a[1]).Trim(Args.Str(a[0]).ToCharArray()));
        r.Fixed("trimSuffix", 2, (_, a) => TrimSuffix(Args.Str(a[1]), Args.Str(a[0])));
        r.Fixed("trimPrefix", 2, (_, a) => TrimPrefix(Args.Str(a[1]), Args.Str(a[0])));
        r.Fixed("upper", 1, (_, a) => Args.Str(a[0]).ToUpperInvariant());
        r.Fixed("lower", 1, (_, a) => Args.Str(a[0]).ToLowerInvariant());
        r.Fixed("replace", 3, (_, a) => Replace(Args.Str(a[2]), Args.Str(a[0]), Args.Str(a[1])));
        r.Fixed("contains", 2, (_, a) => Args.String(a, 1).Contains(Args.String(a, 0), StringComparison.Ordinal));
        r.Fixed("hasPrefix", 2, (_, a) => Args.String(a, 1).StartsWith(Args.String(a, 0), StringComparison.Ordinal));
        r.Fixed("hasSuffix", 2, (_, a) => Args.String(a, 1).EndsWith(Args.String(a, 0), StringComparison.Ordinal));
        r.Variadic("quote", 0, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(v => GoFormat.Quote(Args.Str(v)))));
        r.Variadic("squote", 0, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(v => "'" + Args.Str(v) + "'")));
        r.Variadic("cat", 0, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(Args.Str)));
        r.Fixed("indent", 2, (_, a) => Indent(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("nindent", 2, (_, a) => "\n" + Indent(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("trunc", 2, (_, a) => Trunc(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("repeat", 2, (_, a) => Repeat(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("substr", 3, (_, a) => Substr(Args.Int(a, 0), Args.Int(a, 1), Args.String(a, 2)));
        r.Fixed("nospace", 1, (_, a) => string.Concat(Args.Str(a[0]).Where(c => !char.IsWhiteSpace(c))));
        r.Fixed("splitList", 2, (_, a) => Args.String(a, 1).Split(Args.String(a, 0)).Cast<object?>().ToList());
        r.Fixed("split", 2, (_, a) => Split(Args.String(a, 0), Args.String(a, 1), -1));
        r.Fixed("splitn", 3, (_, a) => Split(Args.String(a, 0), Args.String(a, 2), Args.Int(a, 1)));
        r.Fixed("join", 2, (_, a) => string.Join(Args.String(a, 0), Args.Strings(a[1])));
        r.Fixed("sortAlpha", 1, (_, a) => Args.Strings(a[0]).Order(StringComparer.Ordinal).Cast<object?>().ToList());
        r.Fixed("toString", 1, (_, a) => Args.Str(a[0]));
        r.Fixed("toStrings", 1, (_, a) => Args.Strings(a[0]).Cast<object?>().ToList());
        r.Fixed("plural", 3, (_, a) => Args.ToInt64(a[2]) == 1 ? Args.String(a, 0) : Args.String(a, 1));
        r.Fixed("wrap", 2, (_, a) => WordWrap(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("abbrev", 2, (_, a) => Abbrev(Args.Int(a, 0), Args.String(a, 1)));
        r.Fixed("initials", 1, (_, a) => string.Concat(Args.String(a, 0).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])));
        r.Fixed("reverse", 1, (_, a) => a[0] is string s ? new string(s.Reverse().ToArray()) : ListFunctions.Reverse(a[0]));
    }

    public static string Indent(int spaces, string text)
    {
        var pad = new string(' ', Math.Max(spaces, 0));
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string TrimSuffix(string s, string suffix) =>
        suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    private static string TrimPrefix(string s, string prefix) =>
        prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    /// <summary>Go's strings.Replace with n = -1; an empty old string inserts between every rune.</summary>
    private static string Replace(string s, string old, string replacement)
    {
        if (old.Length > 0)
        {
            return s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(replacement);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(rune.ToString()).Append(replacement);
        }

        return sb.ToString();
    }

    /// <summary>Sprig counts bytes; charts use it on ASCII names, where bytes and chars agree.</summary>
    private static string Trunc(int c, string s)
    {
        if (c < 0 && s.Length + c > 0)
        {
            return s[(s.Length + c)..];
        }

        if (c >= 0 && s.Length > c)
        {
            return s[..c];
        }

        return s;
    }

    private static string Repeat(int count, string s)
    {
        if (count < 0)
        {
            throw new FunctionException("strings: negative Repeat count");
        }

        return new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
    }

    private static string Substr(int start, int end, string s)
    {
        if (start < 0)
        {
            return s[..Math.Clamp(end, 0, s.Length)];
        }

        if (end < 0 || end > s.Length)
        {
            return start > s.Length ? string.Empty : s[start..];
        }

        return start > end ? string.Empty : s[start..end];
    }

    private static Dictionary<string, object?> Split(string separator, string s, int n)
    {
        var parts = n < 0 ? s.Split(separator) : s.Split(separator, n);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            result["_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = parts[i];
        }

        return result;
    }

    private static string WordWrap(int width, string text)
    {
        var sb = new StringBuilder();
        var lineLength = 0;
        foreach (var word in text.Split(' '))
        {
            if (lineLength > 0 && lineLength + 1 + word.Length > width)
            {
                sb.Append('\n');
                lineLength = 0;
            }
            else if (lineLength > 0)
            {
                sb.Append(' ');
                lineLength++;
            }

            sb.Append(word);
            lineLength += word.Length;
        }

        return sb.ToString();
    }

    private static string Abbrev(int width, string s) =>
        width < 4 || s.Length <= width ? s : s[..(width - 3)] + "...";
}
