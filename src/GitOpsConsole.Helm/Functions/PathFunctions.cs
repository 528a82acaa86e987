using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Sprig's path functions, with Go's slash-separated path semantics (not the host OS's).</summary>
internal static class PathFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("base", 1, (_, a) => Base(Clean(Args.String(a, 0))));
        r.Fixed("dir", 1, (_, a) => Dir(Args.String(a, 0)));
        r.Fixed("ext", 1, (_, a) => Ext(Args.String(a, 0)));
        r.Fixed("clean", 1, (_, a) => Clean(Args.String(a, 0)));
        r.Fixed("isAbs", 1, (_, a) => Args.String(a, 0).StartsWith('/'));
    }

    /// <summary>Go's path.Clean: collapse slashes, drop "." and resolve ".." lexically.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static string Base(string path)
    {
        if (path == "/")
        {
            return "/";
        }

        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string Dir(string path)
    {
        var slash = path.LastIndexOf('/');
        return Clean(slash < 0 ? string.Empty : path[..(slash + 1)]);
    }

    private static string Ext(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
            {
                return path[i..];
            }
        }

        return string.Empty;
    }
}
