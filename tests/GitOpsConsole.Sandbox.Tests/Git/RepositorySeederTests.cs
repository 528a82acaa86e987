using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Sandbox.Tests.Git;

public sealed class RepositorySeederTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GitHost _host;
    private readonly RepositorySeeder _seeder;

    public RepositorySeederTests()
    {
        _host = new GitHost(_data.Path);
        _seeder = new RepositorySeeder(_host, new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Seed_DefaultApplications_CreatesBareReposThatGitCanClone()
    {
        GitCli.RequireGit();
        var results = SeedAll();

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(["catalog", "payments", "storefront"], _host.ListRepositories());
        foreach (var app in SeedApplication.Defaults)
        {
            var clone = _data.Combine("clones", app.Name);
            await GitCli.RunAsync(_data.Path, "clone", _host.PathOf(app.Name), clone);
            foreach (var file in new[] { ".gitops-ci.yaml", "app/VERSION", "chart/Chart.yaml", "chart/values.yaml",
                "chart/templates/_helpers.tpl", "chart/templates/deployment.yaml", "chart/templates/service.yaml", "chart/templates/serviceaccount.yaml" })
            {
                Assert.True(File.Exists(Path.Combine(clone, file)), $"{app.Name}: {file} missing");
            }
            Assert.Contains($"name: {app.Name}", await File.ReadAllTextAsync(Path.Combine(clone, "chart/Chart.yaml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal("main", await GitCli.RunAsync(clone, "rev-parse", "--abbrev-ref", "HEAD"));
        }
    }

    [Fact]
    public async Task Seed_ValuesFile_PinsTheRegistryRepositoryAndTheFirstCommitsShortSha()
    {
        GitCli.RequireGit();
        var result = _seeder.Seed(SeedApplication.Defaults[0], "127.0.0.1:5123");
        var clone = _data.Combine("clone");
        await GitCli.RunAsync(_data.Path, "clone", _host.PathOf("storefront"), clone);

        var values = await File.ReadAllTextAsync(Path.Combine(clone, "chart/values.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains("repository: 127.0.0.1:5123/storefront", values, StringComparison.Ordinal);
        Assert.Contains($"tag: \"{result.ImageCommit![..7]}\"", values, StringComparison.Ordinal);
        Assert.Equal(result.ImageCommit, await GitCli.RunAsync(clone, "rev-parse", "HEAD~1"));
        Assert.DoesNotContain("__", values, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_Twice_LeavesExistingRepositoriesUnchanged()
    {
        SeedAll();
        var before = Snapshot();

        var second = SeedAll();

        Assert.All(second, r => Assert.False(r.Created));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Seed_Chart_HasEveryCoreFileOfTheHelmCreateLayout()
    {
        var scaffold = Fixtures.Folder("helm-scaffold");
        SeedAll();
        using var repo = new LibGit2Sharp.Repository(_host.PathOf("catalog"));
        var tree = repo.Branches["main"].Tip.Tree;
        foreach (var file in new[] { "Chart.yaml", "values.yaml", "templates/_helpers.tpl", "templates/deployment.yaml", "templates/service.yaml", "templates/serviceaccount.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(scaffold, file)), $"fixture lacks {file}");
            Assert.NotNull(tree[$"chart/{file}"]);
        }
    }

    private List<SeedResult> SeedAll() => [.. SeedApplication.Defaults.Select(app => _seeder.Seed(app, "127.0.0.1:5000"))];

    private string Snapshot() => string.Join('\n', Directory
        .EnumerateFiles(_host.Root, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => $"{path} {File.GetLastWriteTimeUtc(path):O} {new FileInfo(path).Length}"));
}
