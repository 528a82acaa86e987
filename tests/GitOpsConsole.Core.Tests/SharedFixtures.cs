namespace GitOpsConsole.Core.Tests;

/// <summary>
/// The real test data in ../shared/fixtures (next to the repository). Missing, tests skip with the
/// reason; under CI=true they fail.
/// </summary>
internal static class SharedFixtures
{
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    public static string PathOf(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitOpsConsole.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", relativePath));
                if (File.Exists(path))
                {
                    return path;
                }

                break;
            }
        }

        var reason = $"fixture {relativePath} not found in ../shared/fixtures next to the repository";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return "";
    }
}
