using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Sandbox.Tests.Git;

public sealed class AppCommitterTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GitHost _host;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public AppCommitterTests()
    {
        _host = new GitHost(_data.Path);
        new RepositorySeeder(_host, _time).Seed(SeedApplication.Defaults[1], "127.0.0.1:5000");
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task CommitAsync_UnreadyScenario_PushesEditedCiFileAndBumpedVersion()
    {
        GitCli.RequireGit();
        var committer = new AppCommitter(_host, _time);

        var sha = await committer.CommitAsync(new ScenarioCommit("catalog", new ImageBehavior(ImageRuntime.Unready, TimeSpan.FromSeconds(8)),
            "Make catalog unready", "Sam Ops", "sam@example.test"), TestContext.Current.CancellationToken);

        var clone = _data.Combine("clone");
        await GitCli.RunAsync(_data.Path, "clone", _host.PathOf("catalog"), clone);
        Assert.Equal(sha, await GitCli.RunAsync(clone, "rev-parse", "HEAD"));
        Assert.Equal("Sam Ops <sam@example.test> 2026-03-04T05:06:07+00:00 Make catalog unready",
            await GitCli.RunAsync(clone, "log", "-1", "--format=%an <%ae> %aI %s"));
        Assert.Equal("1.0.1", (await File.ReadAllTextAsync(Path.Combine(clone, "app/VERSION"), TestContext.Current.CancellationToken)).Trim());
        var ciText = await File.ReadAllTextAsync(Path.Combine(clone, CiDefinition.FileName), TestContext.Current.CancellationToken);
        Assert.Contains("# What a container from this image does", ciText, StringComparison.Ordinal);
        var definition = CiFileParser.Parse(ciText);
        Assert.Equal(new ImageBehavior(ImageRuntime.Unready, TimeSpan.FromSeconds(8)), definition.Behavior);
        var changed = await GitCli.RunAsync(clone, "show", "--name-only", "--format=", "HEAD");
        Assert.Equal([".gitops-ci.yaml", "app/VERSION"], changed.Split('\n').Order(StringComparer.Ordinal));
    }
}
