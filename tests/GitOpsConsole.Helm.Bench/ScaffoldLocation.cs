namespace GitOpsConsole.Helm.Bench;

/// <summary>The shared `helm create` fixture, found like the Helm tests find it: ../shared/fixtures beside the repository.</summary>
internal static class ScaffoldLocation
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitOpsConsole.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "helm-scaffold"));
            }
        }

        return null;
    }
}
