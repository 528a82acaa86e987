using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Helm.Charts;

/// <summary>Path globs: '*' stays within a path segment, '**' crosses segments, plus '?', [classes] and {alternatives}.</summary>
internal static class GlobPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsMatch(string pattern, string path) => Cache.GetOrAdd(pattern, Compile).IsMatch(path);

    private static Regex Compile(string pattern)
    {
        var sb = new StringBuilder("^");
        var inAlternatives = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    var body = pattern[(i + 1)..end];
                    sb.Append('[').Append(body.StartsWith('!') ? "^" + body[1..] : body).Append(']');
                    i = end;
                    break;
                case '{':
                    inAlternatives = true;
                    sb.Append("(?:");
                    break;
                case '}' when inAlternatives:
                    inAlternatives = false;
                    sb.Append(')');
                    break;
                case ',' when inAlternatives:
                    sb.Append('|');
                    break;
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
