using System.Text;
using System.Text.RegularExpressions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Sandbox.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.Operator;

/// <summary>
/// One test's application: its own mirror of a sandbox repository, its own namespace and (for tests that
/// commit) its own branch, and an operator wired the way the console wires it.
/// </summary>
internal sealed partial class OperatorHarness : IDisposable
{
    private readonly OperatorCluster _cluster;
    private readonly string _mirrors = Directory.CreateTempSubdirectory("gitops-operator-mirrors-").FullName;
    private readonly GitMirrorCache _cache;

    public OperatorHarness(OperatorCluster cluster, string name, string repository = "storefront", string branch = "main", TimeProvider? time = null)
    {
        _cluster = cluster;
        Repository = repository;
        App = new Application
        {
            Name = name,
            Environment = "dev",
            RepositoryUrl = "sandbox:" + repository,
            Branch = branch,
            Path = "chart",
            Namespace = name,
        };
        _cache = new GitMirrorCache(
            new GitMirrorOptions { MirrorDirectory = _mirrors, Repositories = new Dictionary<string, string> { [name] = App.RepositoryUrl } },
            RepositoryUrlResolver.ForDataDirectory(cluster.DataDirectory, sandboxEnabled: true),
            NullLogger<GitMirrorCache>.Instance);
        Writer = new GitWriter(_cache, TimeProvider.System);
        Operator = new EmbeddedOperator(cluster.Kubernetes, _cache, new GitReader(_cache), time ?? TimeProvider.System, NullLogger<EmbeddedOperator>.Instance);
    }

    public Application App { get; }

    public string Repository { get; }

    public EmbeddedOperator Operator { get; }

    public IGitWriter Writer { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the application's branch from main, so this test's commits touch nobody else's.</summary>
    public async Task BranchFromMainAsync() => await Writer.CreateBranchAndPushAsync(App.Name, App.Branch, "main", Ct);

    /// <summary>Commits a new version of one file under the chart folder on the application's branch; returns the commit.</summary>
    public Task<string> EditChartFileAsync(string file, Func<string, string> edit) => EditFileAsync("chart/" + file, edit);

    /// <summary>Commits a new version of one repository file on the application's branch; returns the commit.</summary>
    public async Task<string> EditFileAsync(string path, Func<string, string> edit)
    {
        var result = await Writer.CommitFileChangesAsync(App.Name, App.Branch,
            new Dictionary<string, Func<byte[]?, byte[]?>> { [path] = old => Encoding.UTF8.GetBytes(edit(old is null ? "" : Encoding.UTF8.GetString(old))) },
            $"Edit {path} for {App.Name}", new GitSignature("Operator Tests", "tests@example.test"), [], Ct);
        return result.Sha;
    }

    public Task<string> SetImageTagAsync(string tag) =>
        EditChartFileAsync("values.yaml", text => TagLine().Replace(text, $"tag: \"{tag}\"", 1));

    /// <summary>A commit on the branch whose CI-built image behaves as asked; returns its SHA once the image is published.</summary>
    public async Task<string> CommitImageAsync(ImageRuntime runtime)
    {
        var sha = await _cluster.World.CommitAsync(new Sandbox.Git.ScenarioCommit(Repository,
            new ImageBehavior(runtime, TimeSpan.Zero), $"Image that {runtime}", "Dana Dev", "dana@example.test", App.Branch), Ct);
        var build = _cluster.World.Ci.Trigger(Repository, sha);
        var finished = await _cluster.World.Ci.WaitAsync(build.Id, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        Assert.Equal(Sandbox.Ci.BuildStatus.Succeeded, finished.Status);
        return sha;
    }

    public Task<SyncResult> SyncAsync(string? revision = null, bool prune = false) => Operator.SyncAsync(App, revision, prune, Ct);

    /// <summary>Polls the status until it matches, failing with the last status seen when it never does.</summary>
    public async Task<ApplicationStatus> WaitForStatusAsync(Func<ApplicationStatus, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await Operator.StatusAsync(App, Ct);
            if (done(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Status never matched; last: {status.Sync}/{status.Health} ({status.HealthMessage}) "
                    + string.Join(", ", status.Resources.Select(r => $"{r.Resource}={r.Sync}/{r.Health}")));
            }

            await Task.Delay(100, Ct);
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        try
        {
            Directory.Delete(_mirrors, recursive: true);
        }
        catch (IOException)
        {
            // Leftover mirrors in temp are harmless.
        }
    }

    [GeneratedRegex("tag: \"[^\"]*\"")]
    private static partial Regex TagLine();
}
