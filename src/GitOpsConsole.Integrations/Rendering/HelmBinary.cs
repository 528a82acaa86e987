namespace GitOpsConsole.Integrations.Rendering;

/// <summary>Finds the <c>helm</c> executable: the configured path, or <c>helm</c> on PATH.</summary>
public static class HelmBinary
{
    public const string ExecutableName = "helm";

    /// <summary>The full path of the binary, or null when there is none.</summary>
    /// <param name="configuredPath">GitOps:HelmPath; when set, only that file counts.</param>
    /// <param name="pathVariable">The PATH environment variable.</param>
    public static string? Find(string? configuredPath, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return IsExecutable(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        return (pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? ExecutableName + ".exe" : ExecutableName))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
