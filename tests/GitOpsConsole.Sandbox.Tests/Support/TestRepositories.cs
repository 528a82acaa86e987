using GitOpsConsole.Sandbox.Git;
using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Tests.Support;

/// <summary>Writes commits straight into a sandbox bare repository, for tests that need specific content.</summary>
public static class TestRepositories
{
    public static string Commit(GitHost host, string repository, IReadOnlyDictionary<string, string> files, string message = "Test commit")
    {
        if (!host.Exists(repository))
        {
            host.Create(repository);
        }
        using var repo = new Repository(host.PathOf(repository));
        var parent = repo.Refs["refs/heads/main"]?.ResolveToDirectReference().Target as Commit;
        var definition = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
        foreach (var (path, content) in files)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
            definition.Add(path, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }
        var signature = new Signature("Test Author", "author@example.test", DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, message, repo.ObjectDatabase.CreateTree(definition), parent is null ? [] : [parent], false);
        repo.Refs.UpdateTarget(repo.Refs["refs/heads/main"] ?? repo.Refs.Add("refs/heads/main", commit.Id), commit.Id);
        return commit.Sha;
    }

    public static string CiFile(string image, string runtime, params (string Name, string Run, int TimeoutSeconds)[] steps) =>
        $"image:\n  name: {image}\n  tag: shortSha\nruntime: {runtime}\nstartupSeconds: 4\nsteps:\n" + string.Concat(steps.Select(s =>
            $"  - name: {s.Name}\n    run: '{s.Run.Replace("'", "''", StringComparison.Ordinal)}'\n    timeoutSeconds: {s.TimeoutSeconds}\n"));
}
