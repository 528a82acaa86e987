namespace GitOpsConsole.Helm.Tests;

/// <summary>Locates the shared read-only fixtures: ../shared/fixtures relative to the repository root.</summary>
internal static class Fixtures
{
    public static string? Root { get; } = FindRoot();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("fixtures not found"), .. parts]);

    /// <summary>Skips when the fixtures are absent, except on CI where their absence is a failure.</summary>
    public static void Require(params string[] parts)
    {
        var path = Root is null ? null : Path(parts);
        if (path is not null && (Directory.Exists(path) || File.Exists(path)))
        {
            return;
        }

        var reason = $"fixture {string.Join('/', parts)} not found under ../shared/fixtures";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GitOpsConsole.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
            }
        }

        return null;
    }
}
