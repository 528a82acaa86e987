using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Registry;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Ci;

/// <summary>A real registry and Git host in a temp data folder, and a CI runner over them.</summary>
public abstract class CiTestBase : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TempDirectory Data { get; } = new();

    protected GitHost Git { get; private set; } = null!;

    protected SandboxRegistry Registry { get; private set; } = null!;

    protected CiRunner Runner { get; private set; } = null!;

    protected virtual int MaxConcurrentBuilds => 2;

    protected virtual TimeProvider Time => TimeProvider.System;

    public async ValueTask InitializeAsync()
    {
        Git = new GitHost(Data.Path);
        Registry = new SandboxRegistry(new SandboxRegistryOptions { DataDirectory = Data.Path });
        await Registry.StartAsync(Ct);
        Runner = NewRunner();
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        await Registry.DisposeAsync();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task RestartRunnerAsync()
    {
        await Runner.DisposeAsync();
        Runner = NewRunner();
    }

    protected string Commit(string ciFile, string repository = "app") =>
        TestRepositories.Commit(Git, repository, new Dictionary<string, string> { [CiDefinition.FileName] = ciFile, ["app/VERSION"] = "1.2.3\n" });

    protected async Task<BuildRecord> BuildAsync(string commit, string repository = "app") =>
        await Runner.WaitAsync(Runner.Trigger(repository, commit).Id, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

    private CiRunner NewRunner() => new(new CiRunnerOptions { DataDirectory = Data.Path, MaxConcurrentBuilds = MaxConcurrentBuilds, TimeProvider = Time }, Git, Registry);
}
