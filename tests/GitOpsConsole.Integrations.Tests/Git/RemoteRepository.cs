namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// A bare repository standing in for the Git host, plus a working clone through which "another
/// developer" commits and pushes with the git CLI.
/// </summary>
internal sealed class RemoteRepository
{
    private readonly string _work;

    private RemoteRepository(string bare, string work)
    {
        BarePath = bare;
        _work = work;
    }

    public string BarePath { get; }

    /// <summary>A bare repository with one commit on main holding <paramref name="files"/>.</summary>
    public static RemoteRepository Create(string bare, string scratch, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(bare);
        GitCli.Run(bare, "init", "--bare", "--quiet", "--initial-branch=main");
        var work = Path.Combine(scratch, "developer-" + Path.GetFileName(bare));
        GitCli.Run(scratch, "clone", "--quiet", bare, work);
        var remote = new RemoteRepository(bare, work);
        remote.Commit("Initial chart", files);
        return remote;
    }

    /// <summary>Writes the files, commits them as the other developer and pushes main; returns the SHA.</summary>
    public string Commit(string message, IReadOnlyDictionary<string, string> files, string branch = "main")
    {
        GitCli.Run(_work, "fetch", "--quiet", "origin");
        if (GitCli.Run(_work, "ls-remote", "--heads", "origin", branch).Length > 0)
        {
            GitCli.Run(_work, "checkout", "--quiet", "-B", branch, $"origin/{branch}");
        }
        else
        {
            GitCli.Run(_work, "checkout", "--quiet", "-B", branch);
        }

        foreach (var (path, content) in files)
        {
            var full = Path.Combine(_work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        GitCli.Run(_work, "add", "--all");
        GitCli.Run(_work, "commit", "--quiet", "-m", message);
        GitCli.Run(_work, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");
        return GitCli.Run(_work, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git against the bare repository (what the host really holds).</summary>
    public string Git(params string[] arguments) => GitCli.Run(BarePath, arguments);

    public string Tip(string branch = "main") => Git("rev-parse", $"refs/heads/{branch}").Trim();

    public byte[] FileAt(string revision, string path) =>
        System.Text.Encoding.UTF8.GetBytes(Git("show", $"{revision}:{path}"));

    public int CommitCount(string branch = "main") =>
        int.Parse(Git("rev-list", "--count", branch).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
