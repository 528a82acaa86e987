using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>What seeding did for one application.</summary>
/// <param name="ImageCommit">The commit whose image the seeded values.yaml refers to; null when the repository already existed.</param>
public sealed record SeedResult(string Repository, bool Created, string? ImageCommit);

/// <summary>
/// Creates a sample application's bare repository with two commits, the way a real GitOps repo
/// starts: the application and chart, then a deploy commit pinning values.yaml to the first commit's
/// image (so CI can build that commit and the pinned tag exists).
/// </summary>
public sealed class RepositorySeeder(GitHost host, TimeProvider timeProvider)
{
    public const string AuthorName = "GitOps Sandbox";
    public const string AuthorEmail = "sandbox@gitops-console.local";

    /// <param name="registryHost">host:port of the sandbox registry, written into image.repository.</param>
    public SeedResult Seed(SeedApplication app, string registryHost)
    {
        ArgumentNullException.ThrowIfNull(app);
        var path = host.PathOf(app.Name);
        if (Directory.Exists(path))
        {
            // Idempotent: whatever the repository holds now (pushed work included) is left alone.
            return new SeedResult(app.Name, Created: false, ImageCommit: null);
        }

        // Built beside the final path and moved in at the end, so a crash never leaves a half-seeded repo.
        var staging = Path.Combine(host.Root, $".seeding-{app.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(host.Root);
        try
        {
            GitHost.InitBare(staging);
            var imageCommit = WriteHistory(staging, app, $"{registryHost}/{app.Name}");
            Directory.Move(staging, path);
            return new SeedResult(app.Name, Created: true, imageCommit);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private string WriteHistory(string repositoryPath, SeedApplication app, string imageRepository)
    {
        using var repo = new Repository(repositoryPath);
        var author = new Signature(AuthorName, AuthorEmail, timeProvider.GetUtcNow());

        var appTree = CreateTree(repo, SeedFiles.Render(app, imageRepository, imageTag: ""));
        var appCommit = repo.ObjectDatabase.CreateCommit(author, author,
            $"Add {app.Name} application and Helm chart\n", appTree, [], prettifyMessage: false);

        var tag = appCommit.Sha[..7];
        var deployTree = CreateTree(repo, SeedFiles.Render(app, imageRepository, tag));
        var deployCommit = repo.ObjectDatabase.CreateCommit(author, author,
            $"Deploy {app.Name} image {tag}\n", deployTree, [appCommit], prettifyMessage: false);

        repo.Refs.Add("refs/heads/main", deployCommit.Id);
        return appCommit.Sha;
    }

    private static Tree CreateTree(Repository repo, IReadOnlyList<(string Path, string Content)> files)
    {
        var definition = new TreeDefinition();
        foreach (var (path, content) in files)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
            var blob = repo.ObjectDatabase.CreateBlob(stream);
            definition.Add(path, blob, SeedFiles.IsExecutable(path) ? Mode.ExecutableFile : Mode.NonExecutableFile);
        }
        return repo.ObjectDatabase.CreateTree(definition);
    }
}
