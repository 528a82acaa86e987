using System.Globalization;
using System.Text;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Case conversions (title, snakecase, camelcase, kebabcase, ...).</summary>
internal static class StringCaseFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("title", 1, (_, a) => Title(Args.Str(a[0])));
        r.Fixed("untitle", 1, (_, a) => Untitle(Args.Str(a[0])));
        r.Fixed("snakecase", 1, (_, a) => Delimited(Args.String(a, 0), '_'));
        r.Fixed("kebabcase", 1, (_, a) => Delimited(Args.String(a, 0), '-'));
        r.Fixed("camelcase", 1, (_, a) => Camel(Args.String(a, 0)));
        r.Fixed("swapcase", 1, (_, a) => string.Concat(Args.String(a, 0).Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))));
    }

    /// <summary>strings.Title: upper-case the first letter of every word.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            sb.Append(IsSeparator(previous) ? char.ToUpperInvariant(c) : c);
            previous = c;
        }

        return sb.ToString();
    }

    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            sb.Append(IsSeparator(previous) ? char.ToLowerInvariant(c) : c);
            previous = c;
        }

        return sb.ToString();
    }

    /// <summary>Go's strings.Title: ASCII letters, digits and underscore continue a word, other ASCII separates.</summary>
    private static bool IsSeparator(char c) => c <= 0x7F ? !(char.IsAsciiLetterOrDigit(c) || c == '_') : !char.IsLetterOrDigit(c);

    /// <summary>Splits on case changes and non-alphanumerics, joins lower-cased words with <paramref name="delimiter"/>.</summary>
    private static string Delimited(string s, char delimiter)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (sb.Length > 0 && sb[^1] != delimiter)
                {
                    sb.Append(delimiter);
                }

                continue;
            }

            var boundary = char.IsUpper(c) && i > 0 && sb.Length > 0 && sb[^1] != delimiter &&
                           (char.IsLower(s[i - 1]) || char.IsDigit(s[i - 1]) || (i + 1 < s.Length && char.IsLower(s[i + 1]) && char.IsUpper(s[i - 1])));
            if (boundary)
            {
                sb.Append(delimiter);
            }

            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return sb.ToString().Trim(delimiter);
    }

    /// <summary>xstrings.ToCamelCase: underscores and spaces start a new capitalised word; the first letter is capitalised too.</summary>
    private static string Camel(string s)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in s)
        {
            if (c is '_' or ' ' or '-')
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return sb.ToString();
    }
}
