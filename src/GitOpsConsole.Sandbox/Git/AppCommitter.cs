using System.Globalization;
using System.Text.RegularExpressions;
using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Kubernetes;
using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>A scenario commit: the next image of the application should behave as <see cref="Behavior"/>.</summary>
public sealed record ScenarioCommit(string Application, ImageBehavior Behavior, string Message, string AuthorName, string AuthorEmail, string Branch = "main")
{
    /// <summary>Further changes in the same commit (the scenario lab's flaky CI step, chart bump, second image field).</summary>
    public IReadOnlyList<FileEdit> Edits { get; init; } = [];
}

/// <summary>A change to one file of the repository: its new content from the current one (null when it does not exist).</summary>
public sealed record FileEdit(string Path, Func<string?, string> Change);

/// <summary>
/// Makes a scenario commit the way a developer would: clone, edit <c>.gitops-ci.yaml</c>'s runtime
/// and bump <c>app/VERSION</c>, commit, push. Going through a real push means the push detector, CI
/// and registry react exactly as they do to anyone else's push.
/// </summary>
public sealed partial class AppCommitter(GitHost host, TimeProvider timeProvider)
{
    // One at a time: two concurrent commits to one branch would make the second push non-fast-forward.
    private readonly Lock _serial = new();

    /// <returns>The SHA of the pushed commit.</returns>
    public async Task<string> CommitAsync(ScenarioCommit scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario.Message);
        if (!host.Exists(scenario.Application))
        {
            throw new ArgumentException($"Repository '{scenario.Application}' does not exist in the sandbox Git host.", nameof(scenario));
        }
        return await Task.Run(() =>
        {
            lock (_serial)
            {
                return CommitAndPush(scenario);
            }
        }, cancellationToken);
    }

    private string CommitAndPush(ScenarioCommit scenario)
    {
        var workdir = Path.Combine(Path.GetTempPath(), "gitops-sandbox-commit", Guid.NewGuid().ToString("N"));
        try
        {
            Repository.Clone(host.PathOf(scenario.Application), workdir, new CloneOptions { BranchName = scenario.Branch });
            using var repo = new Repository(workdir);
            EditCiFile(Path.Combine(workdir, CiDefinition.FileName), scenario.Behavior);
            BumpVersion(Path.Combine(workdir, "app", "VERSION"));
            foreach (var edit in scenario.Edits)
            {
                var file = Path.Combine(workdir, edit.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, edit.Change(File.Exists(file) ? File.ReadAllText(file) : null));
            }

            Commands.Stage(repo, [CiDefinition.FileName, "app/VERSION", .. scenario.Edits.Select(e => e.Path)]);
            var author = new Signature(scenario.AuthorName, scenario.AuthorEmail, timeProvider.GetUtcNow());
            // An unchanged behaviour still bumps the version, so the commit is never empty.
            var commit = repo.Commit(scenario.Message, author, author);
            repo.Network.Push(repo.Network.Remotes["origin"], $"refs/heads/{scenario.Branch}:refs/heads/{scenario.Branch}");
            return commit.Sha;
        }
        finally
        {
            if (Directory.Exists(workdir))
            {
                Directory.Delete(workdir, recursive: true);
            }
        }
    }

    private static void EditCiFile(string path, ImageBehavior behavior)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"The application has no {CiDefinition.FileName} to edit.");
        text = SetTopLevel(text, RuntimeLine(), "runtime", behavior.Runtime.ToString().ToLowerInvariant());
        text = SetTopLevel(text, StartupLine(), "startupSeconds", behavior.StartupTime.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces the key's line in place (keeping comments elsewhere), or appends it.</summary>
    private static string SetTopLevel(string text, Regex line, string key, string value) => line.IsMatch(text)
        ? line.Replace(text, $"{key}: {value}", 1)
        : text.TrimEnd('\n') + $"\n{key}: {value}\n";

    private static void BumpVersion(string path)
    {
        var current = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        var parts = current.Split('.');
        var next = parts.Length == 3 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], CultureInfo.InvariantCulture) + 1}"
            : "1.0.0";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, next + "\n");
    }

    [GeneratedRegex("^runtime:.*$", RegexOptions.Multiline)]
    private static partial Regex RuntimeLine();

    [GeneratedRegex("^startupSeconds:.*$", RegexOptions.Multiline)]
    private static partial Regex StartupLine();
}
