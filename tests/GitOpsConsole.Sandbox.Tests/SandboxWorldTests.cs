using System.Text.Json;
using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Tests.Support;
using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Tests;

public sealed class SandboxWorldTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private WebhookListener _webhooks = null!;
    private SandboxWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _webhooks = await WebhookListener.StartAsync();
        _world = NewWorld();
        await _world.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        await _webhooks.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task StartAsync_FirstStart_SeedsAppsAndBuildsTheImagesTheirValuesPin()
    {
        Assert.Equal(["catalog", "payments", "storefront"], _world.Git.ListRepositories());
        foreach (var app in SeedApplication.Defaults)
        {
            var (repository, tag) = PinnedImage(app.Name);
            Assert.Equal($"{_world.Registry.Host}/{app.Name}", repository);
            var build = Assert.Single(_world.Ci.List(app.Name));
            Assert.Equal(BuildStatus.Succeeded, (await _world.Ci.WaitAsync(build.Id, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct)).Status);
            Assert.Equal(new ImageBehavior(ImageRuntime.Starts, TimeSpan.FromSeconds(3)), _world.ImageCatalog.Find($"{repository}:{tag}"));
        }
    }

    [Fact]
    public async Task CommitAsync_CrashScenario_PushesBuildsPublishesAndNotifies()
    {
        await using var pushes = _world.Pushes.Subscribe(Ct).GetAsyncEnumerator(Ct);
        await using var deliveries = _webhooks.Deliveries();

        var sha = await _world.CommitAsync(new ScenarioCommit("storefront", new ImageBehavior(ImageRuntime.Crash, TimeSpan.FromSeconds(1)),
            "Break storefront on purpose", "Dana Dev", "dana@example.test"), Ct);

        var push = await pushes.NextAsync();
        Assert.Equal(("storefront", "refs/heads/main", sha), (push.Repository, push.Ref, push.After));
        var commit = Assert.Single(push.Commits);
        Assert.Equal(("Break storefront on purpose", "Dana Dev <dana@example.test>"), (commit.Message, commit.Author));

        var build = await WaitForBuildAsync("storefront", sha);
        Assert.Equal(BuildStatus.Succeeded, build.Status);
        Assert.Equal(new ImageBehavior(ImageRuntime.Crash, TimeSpan.FromSeconds(1)), _world.ImageCatalog.Find(build.Image!));
        Assert.Contains(_world.Ci.ReadLogTail(build.Id), line => line.Contains("from 1.0.1", StringComparison.Ordinal));

        while (true)
        {
            var (_, body) = await deliveries.NextAsync(TimeSpan.FromSeconds(10));
            var target = JsonDocument.Parse(body).RootElement.GetProperty("events")[0].GetProperty("target");
            if (target.GetProperty("tag").GetString() == sha[..7])
            {
                Assert.Equal("storefront", target.GetProperty("repository").GetString());
                Assert.Equal(build.ImageDigest, target.GetProperty("digest").GetString());
                break;
            }
        }
    }

    [Fact]
    public async Task GitHttp_Enabled_ServesTheSeededRepositories()
    {
        GitCli.RequireGit();
        var clone = _data.Combine("http-clone");

        await GitCli.RunAsync(_data.Path, "clone", _world.GitHttp!.CloneUrl("catalog").ToString(), clone);

        Assert.True(File.Exists(Path.Combine(clone, "chart", "values.yaml")));
    }

    [Fact]
    public async Task CommitAsync_UnknownApplication_ThrowsClearError()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _world.CommitAsync(
            new ScenarioCommit("nope", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero), "x", "a", "a@b"), Ct));

        Assert.Contains("'nope' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SecondStart_KeepsRepositoriesAndBuilds()
    {
        var builds = SeedApplication.Defaults.Select(a => _world.Ci.List(a.Name).Single()).ToList();
        await Task.WhenAll(builds.Select(b => _world.Ci.WaitAsync(b.Id, Ct)));
        var tips = SeedApplication.Defaults.Select(a => MainTip(a.Name)).ToList();
        await _world.DisposeAsync();

        _world = NewWorld();
        await _world.StartAsync(Ct);

        Assert.Equal(tips, SeedApplication.Defaults.Select(a => MainTip(a.Name)));
        Assert.All(builds, b => Assert.Equal(BuildStatus.Succeeded, _world.Ci.Get(b.Id)!.Status));
        Assert.Equal(3, _world.Ci.List().Count);
    }

    private SandboxWorld NewWorld() => new(new SandboxWorldOptions
    {
        DataDirectory = _data.Path,
        NotificationEndpoints = [_webhooks.Url],
        GitHttpPort = 0,
    });

    private async Task<BuildRecord> WaitForBuildAsync(string repository, string sha)
    {
        await using var updates = _world.Ci.Subscribe(Ct).GetAsyncEnumerator(Ct);
        // The build may have been queued before this subscription; the record then says so.
        if (_world.Ci.Find(repository, sha) is { } existing)
        {
            return await _world.Ci.WaitAsync(existing.Id, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
        while (true)
        {
            var update = await updates.NextAsync(TimeSpan.FromSeconds(30));
            if (update.Commit == sha)
            {
                return await _world.Ci.WaitAsync(update.Id, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            }
        }
    }

    private (string Repository, string Tag) PinnedImage(string app)
    {
        using var repo = new Repository(_world.CloneUrl(app));
        var values = ((Blob)repo.Branches["main"].Tip["chart/values.yaml"].Target).GetContentText();
        string Value(string key) => values.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim().Trim('"');
        return (Value("repository"), Value("tag"));
    }

    private string MainTip(string app)
    {
        using var repo = new Repository(_world.CloneUrl(app));
        return repo.Branches["main"].Tip.Sha;
    }
}
