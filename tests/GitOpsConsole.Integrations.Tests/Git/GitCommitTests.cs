using System.Text;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitCommitTests
{
    private const string Values = "chart/values.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly GitTrailer[] Step = [new("GitOps-Run", "17"), new("GitOps-Step", "set-image-tag")];

    [Fact]
    public async Task CommitFileChangesAsync_OneLineEdit_PushesCommitWhereOnlyThatLineDiffers()
    {
        using var git = GitTestContext.Create();
        var before = git.Remote.Tip();
        var beforeBytes = git.Remote.FileAt(before, Values);

        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy shop v2", GitTestContext.Bot, Step, Ct);

        Assert.Equal(GitWriteOutcome.Committed, result.Outcome);
        Assert.Equal(result.Sha, git.Remote.Tip());
        var afterBytes = git.Remote.FileAt(result.Sha, Values);
        var beforeLines = Encoding.UTF8.GetString(beforeBytes).Split('\n');
        var afterLines = Encoding.UTF8.GetString(afterBytes).Split('\n');
        Assert.Equal(beforeLines.Length, afterLines.Length);
        var changed = beforeLines.Zip(afterLines).Where(p => p.First != p.Second).ToArray();
        Assert.Equal([("  tag: v1", "  tag: v2")], changed);
        Assert.Equal(beforeBytes.Length, afterBytes.Length);
        Assert.Equal(["chart/values.yaml"], git.Remote.Git("diff", "--name-only", before, result.Sha).Trim().Split('\n'));
    }

    [Fact]
    public async Task CommitFileChangesAsync_Committed_HasParentAuthorClockTimeAndTrailers()
    {
        using var git = GitTestContext.Create();
        var before = git.Remote.Tip();

        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy shop v2", GitTestContext.Bot, Step, Ct);

        var shown = git.Remote.Git("show", "-s", "--format=%P|%an|%ae|%aI|%cn|%B", result.Sha);
        Assert.Equal(
            $"{before}|GitOps Console|console@example.test|2026-11-26T05:00:00+00:00|GitOps Console|Deploy shop v2\n\nGitOps-Run: 17\nGitOps-Step: set-image-tag\n",
            shown.TrimEnd('\n') + "\n");
    }

    [Fact]
    public async Task CommitFileChangesAsync_NewFileAndDeletion_AddsAndRemoves()
    {
        using var git = GitTestContext.Create();

        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App,
            "main",
            new Dictionary<string, Func<byte[]?, byte[]?>>
            {
                ["chart/values-prod.yaml"] = current => current is null ? "replicaCount: 3\n"u8.ToArray() : throw new InvalidOperationException("exists"),
                ["README.md"] = _ => null,
            },
            "Prod values, no readme",
            GitTestContext.Bot,
            [],
            Ct);

        Assert.Equal("D\tREADME.md\nA\tchart/values-prod.yaml", git.Remote.Git("diff", "--name-status", $"{result.Sha}~1", result.Sha).Trim());
    }

    [Fact]
    public async Task CommitFileChangesAsync_SameTrailersTwice_CommitsOnce()
    {
        using var git = GitTestContext.Create();
        var count = git.Remote.CommitCount();

        var first = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy shop v2", GitTestContext.Bot, Step, Ct);
        git.Remote.Commit("Someone else's change", new Dictionary<string, string> { ["README.md"] = "# shop!\n" });
        var second = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("replicaCount: 1", "replicaCount: 2")), "Deploy shop v2", GitTestContext.Bot, Step, Ct);

        Assert.Equal(GitWriteOutcome.AlreadyDone, second.Outcome);
        Assert.Equal(first.Sha, second.Sha);
        Assert.Equal(count + 2, git.Remote.CommitCount());
        Assert.Contains("replicaCount: 1", Encoding.UTF8.GetString(git.Remote.FileAt("main", Values)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitFileChangesAsync_ContentAlreadyThere_PushesNothing()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v1")), "Deploy shop v1", GitTestContext.Bot, Step, Ct);

        Assert.Equal(new GitWriteResult(tip, GitWriteOutcome.NoChange), result);
        Assert.Equal(tip, git.Remote.Tip());
    }

    [Fact]
    public async Task CommitFileChangesAsync_ParallelWritesToOneApplication_AllLand()
    {
        using var git = GitTestContext.Create();
        var count = git.Remote.CommitCount();

        var writes = Enumerable.Range(1, 4).Select(i => git.Writer.CommitFileChangesAsync(
            GitTestContext.App,
            "main",
            Edits.One($"notes/{i}.txt", _ => Encoding.UTF8.GetBytes($"note {i}\n")),
            $"Note {i}",
            GitTestContext.Bot,
            [new("GitOps-Run", i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Ct));
        var results = await Task.WhenAll(writes);

        Assert.All(results, r => Assert.Equal(GitWriteOutcome.Committed, r.Outcome));
        Assert.Equal(count + 4, git.Remote.CommitCount());
        Assert.Equal(4, git.Remote.Git("ls-tree", "--name-only", "main", "notes/").Trim().Split('\n').Length);
    }

    [Fact]
    public async Task CommitFileChangesAsync_MissingBranch_ThrowsNamingBranch()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "release", Edits.One(Values, _ => [1]), "x", GitTestContext.Bot, [], Ct));

        Assert.Contains("Branch 'release' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("application 'shop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitFileChangesAsync_EditThrows_PropagatesItAndPushesNothing()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        await Assert.ThrowsAsync<InvalidOperationException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v9", "tag: v10")), "Deploy v10", GitTestContext.Bot, Step, Ct));

        Assert.Equal(tip, git.Remote.Tip());
    }

    [Fact]
    public async Task CommitFileChangesAsync_AlreadyCancelled_ThrowsWithoutTouchingRemote()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, Step, new CancellationToken(true)));

        Assert.Equal(tip, git.Remote.Tip());
    }

    [Fact]
    public async Task CommitFileChangesAsync_PathBelowAFile_ThrowsGitOperationException()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One("README.md/extra.txt", _ => [1]), "Nested", GitTestContext.Bot, [], Ct));

        Assert.Contains("Cannot write 'README.md/extra.txt' on branch 'main' of application 'shop'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'README.md' is a file", error.Message, StringComparison.Ordinal);
        Assert.Equal(tip, git.Remote.Tip());
    }

    [Fact]
    public async Task CommitFileChangesAsync_PathIsAFolder_Throws()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "main", Edits.One("chart/templates", _ => [1]), "Flatten", GitTestContext.Bot, [], Ct));

        Assert.Contains("it is a folder", error.Message, StringComparison.Ordinal);
    }
}
