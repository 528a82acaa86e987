using System.Text;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Turns the comparer's field paths (<c>spec.template.spec.containers[name=web].image</c>) into the JSON
/// pointers drift findings and ignore rules use (<c>/spec/template/spec/containers/name=web/image</c>). A list
/// item matched by its merge key keeps <c>key=value</c> as its segment, so the pointer names the same item
/// whatever its position; items matched by position keep the index.
/// </summary>
public static class DriftPointer
{
    public static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? "" : string.Concat(Segments(path).Select(s => "/" + Escape(s)));
    }

    /// <summary>The unescaped segments of a comparer path.</summary>
    public static IReadOnlyList<string> Segments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                var end = path.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                segments.Add(path[i..end]);
                i = end;
            }
        }

        return segments;
    }

    /// <summary>Whether <paramref name="rule"/> names <paramref name="fieldPointer"/> or one of its parents.</summary>
    public static bool Covers(string rule, string fieldPointer)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(fieldPointer);
        var trimmed = rule.TrimEnd('/');
        return trimmed.Length == 0
            || string.Equals(trimmed, fieldPointer, StringComparison.Ordinal)
            || fieldPointer.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }

    private static string Escape(string segment) =>
        new StringBuilder(segment).Replace("~", "~0").Replace("/", "~1").ToString();
}
