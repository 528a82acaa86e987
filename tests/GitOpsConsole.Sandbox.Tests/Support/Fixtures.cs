namespace GitOpsConsole.Sandbox.Tests.Support;

/// <summary>Finds the shared read-only fixtures next to the repository (../shared/fixtures from the solution folder).</summary>
public static class Fixtures
{
    public static string Folder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GitOpsConsole.sln")))
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures", name));
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"Fixture folder {folder} is not present.");
        }
        return folder;
    }
}
