namespace GitOpsConsole.Integrations.Git;

/// <summary>Normalizes paths inside a repository to Git's form: '/'-separated, relative, no '..'.</summary>
internal static class RepositoryPath
{
    /// <summary>A file path; never empty.</summary>
    public static string File(string path)
    {
        var normalized = Normalize(path);
        return normalized.Length > 0
            ? normalized
            : throw new GitOperationException($"'{path}' is not a file path inside the repository.");
    }

    /// <summary>A folder path; empty for the repository root ("", "." or "/").</summary>
    public static string Folder(string path) => Normalize(path);

    private static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .ToArray();
        if (segments.Any(s => s == ".." || s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GitOperationException($"'{path}' leaves the repository or points into .git.");
        }

        return string.Join('/', segments);
    }
}
