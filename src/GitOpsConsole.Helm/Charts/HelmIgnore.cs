namespace GitOpsConsole.Helm.Charts;

/// <summary>The .helmignore rules a chart directory is loaded with (gitignore-like; Helm's defaults included).</summary>
internal sealed class HelmIgnore
{
    private readonly List<(string Pattern, bool Negate, bool DirectoryOnly)> _rules = [("templates/.?*", false, false)];

    public static HelmIgnore Parse(string? text)
    {
        var ignore = new HelmIgnore();
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negate = line.StartsWith('!');
            line = negate ? line[1..] : line;
            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/').TrimStart('/');
            if (line.Length > 0)
            {
                ignore._rules.Add((line, negate, directoryOnly));
            }
        }

        return ignore;
    }

    /// <summary>Whether a file or directory (relative path, '/' separated) is ignored.</summary>
    public bool Ignores(string path, bool isDirectory)
    {
        var ignored = false;
        var name = path[(path.LastIndexOf('/') + 1)..];
        foreach (var (pattern, negate, directoryOnly) in _rules)
        {
            if (directoryOnly && !isDirectory)
            {
                continue;
            }

            var target = pattern.Contains('/', StringComparison.Ordinal) ? path : name;
            if (GlobPattern.IsMatch(pattern, target))
            {
                ignored = !negate;
            }
        }

        return ignored;
    }
}
