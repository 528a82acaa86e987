using System.Text.Json;
using GitOpsConsole.Sandbox.Internal;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>A commit status as GitHub's statuses API keeps it: state (pending, success, failure, error), context, description.</summary>
public sealed record SandboxCommitStatus(string State, string Context, string Description, DateTimeOffset CreatedAt);

/// <summary>
/// The sandbox Git host's commit statuses, the checks a pull request shows: one file per commit under
/// <c>sandbox/statuses/&lt;repository&gt;/</c>, appended to like GitHub's list (newest last), written atomically.
/// </summary>
public sealed class CommitStatusStore(string dataDirectory)
{
    private readonly Lock _gate = new();
    private readonly string _root = Path.Combine(dataDirectory, "sandbox", "statuses");

    public void Add(string repository, string commit, SandboxCommitStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var path = PathOf(repository, commit);
        lock (_gate)
        {
            var all = Read(path);
            all.Add(status);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(all, SandboxJson.Options));
        }
    }

    /// <summary>Every status of the commit, oldest first.</summary>
    public IReadOnlyList<SandboxCommitStatus> List(string repository, string commit)
    {
        lock (_gate)
        {
            return Read(PathOf(repository, commit));
        }
    }

    private string PathOf(string repository, string commit)
    {
        if (commit.Length is < 7 or > 64 || !commit.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{commit}' is not a commit SHA.", nameof(commit));
        }

        return Path.Combine(_root, RepositoryName.Validate(repository), commit + ".json");
    }

    private static List<SandboxCommitStatus> Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<SandboxCommitStatus>>(File.ReadAllBytes(path), SandboxJson.Options) ?? [] : [];
}
