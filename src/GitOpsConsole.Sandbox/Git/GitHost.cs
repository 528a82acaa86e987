using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>The folder of bare repositories, <c>&lt;data&gt;/sandbox/git/&lt;name&gt;.git</c>.</summary>
public sealed class GitHost
{
    public GitHost(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Root = Path.GetFullPath(Path.Combine(dataDirectory, "sandbox", "git"));
    }

    public string Root { get; }

    /// <summary>The bare repository's path; also its clone URL (git and LibGit2Sharp accept plain paths).</summary>
    public string PathOf(string repository) => Path.Combine(Root, RepositoryName.Validate(repository) + ".git");

    public bool Exists(string repository) => Repository.IsValid(PathOf(repository));

    /// <summary>Deletes a bare repository; false when there was none.</summary>
    public bool Delete(string repository)
    {
        var path = PathOf(repository);
        if (!Directory.Exists(path))
        {
            return false;
        }

        // libgit2 writes pack and object files read-only; Directory.Delete refuses those on some systems.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
        return true;
    }

    public IReadOnlyList<string> ListRepositories()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(Root, "*.git")
            .Select(path => Path.GetFileName(path)[..^".git".Length])
            .Where(name => RepositoryName.IsValid(name) && Repository.IsValid(Path.Combine(Root, name + ".git")))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Creates an empty bare repository whose HEAD points at <c>main</c>.</summary>
    /// <exception cref="InvalidOperationException">The repository already exists.</exception>
    public string Create(string repository)
    {
        var path = PathOf(repository);
        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"Repository '{repository}' already exists at {path}.");
        }
        InitBare(path);
        return path;
    }

    internal static void InitBare(string path)
    {
        Repository.Init(path, isBare: true);
        using var repo = new Repository(path);
        repo.Refs.UpdateTarget("HEAD", "refs/heads/main");
        EnableReflog(repo);
    }

    /// <summary>
    /// Bare repositories keep no reflog by default; with it every ref update (git CLI or libgit2) is
    /// logged with its old and new SHA, which lets push detection report each of several quick pushes.
    /// </summary>
    internal static void EnableReflog(Repository repo)
    {
        if (repo.Config.Get<bool>("core.logAllRefUpdates")?.Value != true)
        {
            repo.Config.Set("core.logAllRefUpdates", true);
        }
    }
}
