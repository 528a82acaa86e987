using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox.Tests.Git;

public sealed class PushDetectorTests : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GitHost _host;
    private PushDetector _detector;

    public PushDetectorTests()
    {
        _host = new GitHost(_data.Path);
        new RepositorySeeder(_host, TimeProvider.System).Seed(SeedApplication.Defaults[0], "127.0.0.1:5000");
        _detector = new PushDetector(_host, NullLogger<PushDetector>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _detector.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Push_WithGitCli_RaisesEventWithBeforeAfterAndCommits()
    {
        GitCli.RequireGit();
        _detector.Start();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var clone = await CloneAsync();
        var before = await GitCli.RunAsync(clone, "rev-parse", "HEAD");
        var after = await CommitAsync(clone, "Bump version");

        await GitCli.RunAsync(clone, "push", "origin", "main");

        // The product promises a push becomes an event within a second.
        var push = await pushes.NextAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(("storefront", "refs/heads/main", before, after), (push.Repository, push.Ref, push.Before, push.After));
        var commit = Assert.Single(push.Commits);
        Assert.Equal(after, commit.Sha);
        Assert.Equal("Bump version", commit.Message);
        Assert.Equal("Test Author <author@example.test>", commit.Author);
    }

    [Fact]
    public async Task Push_TwoInQuickSuccession_RaisesTwoEventsInOrder()
    {
        GitCli.RequireGit();
        _detector.Start();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var clone = await CloneAsync();
        var first = await CommitAsync(clone, "First");
        await GitCli.RunAsync(clone, "push", "origin", "main");
        var second = await CommitAsync(clone, "Second");
        await GitCli.RunAsync(clone, "push", "origin", "main");

        var one = await pushes.NextAsync();
        var two = await pushes.NextAsync();

        Assert.Equal(first, one.After);
        Assert.Equal((first, second), (two.Before, two.After));
        Assert.Equal("Second", Assert.Single(two.Commits).Message);
    }

    [Fact]
    public async Task Push_NewBranch_ReportsCreationWithOnlyTheNewCommits()
    {
        GitCli.RequireGit();
        _detector.Start();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var clone = await CloneAsync();
        await GitCli.RunAsync(clone, "checkout", "-b", "feature/x");
        var feature = await CommitAsync(clone, "Feature work");

        await GitCli.RunAsync(clone, "push", "origin", "feature/x");

        var push = await pushes.NextAsync();
        Assert.Equal(("refs/heads/feature/x", GitPush.ZeroSha, feature), (push.Ref, push.Before, push.After));
        Assert.Equal(feature, Assert.Single(push.Commits).Sha);
    }

    [Fact]
    public async Task Push_TagThenDeleteBranch_ReportsTagCreationAndBranchDeletion()
    {
        GitCli.RequireGit();
        var clone = await CloneAsync();
        await GitCli.RunAsync(clone, "push", "origin", "HEAD:refs/heads/doomed");
        _detector.Start();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var head = await GitCli.RunAsync(clone, "rev-parse", "HEAD");
        await GitCli.RunAsync(clone, "tag", "-a", "v1.0.0", "-m", "Release 1.0.0");
        var tagObject = await GitCli.RunAsync(clone, "rev-parse", "v1.0.0");

        await GitCli.RunAsync(clone, "push", "origin", "v1.0.0");
        var tag = await pushes.NextAsync();
        await GitCli.RunAsync(clone, "push", "origin", "--delete", "doomed");
        var deletion = await pushes.NextAsync();

        Assert.Equal(("refs/tags/v1.0.0", GitPush.ZeroSha, tagObject), (tag.Ref, tag.Before, tag.After));
        Assert.Empty(tag.Commits);
        Assert.Equal(("refs/heads/doomed", head, GitPush.ZeroSha, true), (deletion.Ref, deletion.Before, deletion.After, deletion.IsDeletion));
        Assert.Empty(deletion.Commits);
    }

    [Fact]
    public async Task Start_AfterCliAndLibGit2PushesWhileStopped_ReportsEachPushSeparately()
    {
        GitCli.RequireGit();
        _detector.Start();
        await _detector.DisposeAsync();
        var clone = await CloneAsync();
        var start = await GitCli.RunAsync(clone, "rev-parse", "HEAD");
        var viaCli = await CommitAsync(clone, "Pushed with git");
        await GitCli.RunAsync(clone, "push", "origin", "main");
        var viaLibGit2 = await new AppCommitter(_host, TimeProvider.System).CommitAsync(new ScenarioCommit("storefront",
            new GitOpsConsole.Sandbox.Kubernetes.ImageBehavior(GitOpsConsole.Sandbox.Kubernetes.ImageRuntime.Crash, TimeSpan.Zero),
            "Pushed with LibGit2Sharp", "Lib", "lib@example.test"), TestContext.Current.CancellationToken);

        _detector = new PushDetector(_host, NullLogger<PushDetector>.Instance);
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        _detector.Start();

        var first = await pushes.NextAsync();
        var second = await pushes.NextAsync();
        Assert.Equal((start, viaCli, "Pushed with git"), (first.Before, first.After, Assert.Single(first.Commits).Message));
        Assert.Equal((viaCli, viaLibGit2, "Pushed with LibGit2Sharp"), (second.Before, second.After, Assert.Single(second.Commits).Message));
    }

    [Fact]
    public async Task Start_FirstTime_TreatsExistingRefsAsBaseline()
    {
        GitCli.RequireGit();
        _detector.Start();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var clone = await CloneAsync();
        var after = await CommitAsync(clone, "Only this one");

        await GitCli.RunAsync(clone, "push", "origin", "main");

        // The seeded history is not reported; the first event is the real push.
        Assert.Equal(after, (await pushes.NextAsync()).After);
    }

    private async Task<string> CloneAsync()
    {
        var clone = _data.Combine("clone-" + Guid.NewGuid().ToString("N")[..6]);
        await GitCli.RunAsync(_data.Path, "clone", _host.PathOf("storefront"), clone);
        return clone;
    }

    private static async Task<string> CommitAsync(string clone, string message)
    {
        await File.AppendAllTextAsync(Path.Combine(clone, "app", "VERSION"), "x", TestContext.Current.CancellationToken);
        await GitCli.RunAsync(clone, "commit", "-am", message);
        return await GitCli.RunAsync(clone, "rev-parse", "HEAD");
    }
}
