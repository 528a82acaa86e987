using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>The console starts the sandbox world and reaches it the way kubectl and git do.</summary>
public class SandboxHostingTests
{
    [Fact]
    public async Task Start_SandboxEnabled_ReadyzReportsItsEndpoints()
    {
        await using var factory = WithSandbox();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var sandbox = json.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sandbox");
        Assert.Equal("Healthy", sandbox.GetProperty("status").GetString());
        Assert.Contains("Kubernetes API http://127.0.0.1:", sandbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("3 repositories", sandbox.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SandboxEnabled_KubeconfigOpensTheEmulatorWithKubernetesClient()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();

        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig"));
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SandboxState.Running, runtime.State);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git")));
    }

    [Fact]
    public async Task Start_SandboxEnabled_RealKubectlTalksToIt()
    {
        var kubectl = RequireTool("kubectl", "kubernetes-client");

        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--kubeconfig", Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig"), "get", "namespaces", "-o", "name" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("namespace/default", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitPush_ToSandboxRepository_RecordedAsAnAcceptedEvent()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var work = Path.Combine(factory.DataDirectory, "work");
        var origin = Path.Combine(factory.DataDirectory, "sandbox", "git", "catalog.git");
        await GitAsync(factory.DataDirectory, "clone", origin, work);
        await File.AppendAllTextAsync(Path.Combine(work, "app", "VERSION"), "\n", TestContext.Current.CancellationToken);
        await GitAsync(work, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "-am", "Bump the catalog");
        var store = factory.Services.GetRequiredService<Data.Events.EventQuery>();

        await GitAsync(work, "push", "origin", "HEAD:main");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        Core.Domain.TriggerEvent? recorded = null;
        while (recorded is null && DateTime.UtcNow < deadline)
        {
            recorded = (await store.PageAsync("catalog", null, 0, 10, TestContext.Current.CancellationToken)).Items.FirstOrDefault(e => e.Message == "Bump the catalog");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(recorded);
        Assert.Equal(Core.Domain.EventDecision.Accepted, recorded.Decision);
        Assert.Equal("refs/heads/main", recorded.Ref);
        Assert.Equal("sandbox", recorded.Source);
    }

    [Fact]
    public async Task Start_SandboxEnabled_OperatorDeploysTheSeededAppsSyncedAndHealthy()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !(statuses.Latest.Count == 3
            && statuses.Latest.Values.All(s => s.Sync == Core.Domain.SyncStatus.Synced && s.Health == Core.Domain.HealthStatus.Healthy)))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["catalog", "payments", "storefront"], statuses.Latest.Keys.Order());
        Assert.All(statuses.Latest.Values, s => Assert.Equal((Core.Domain.SyncStatus.Synced, Core.Domain.HealthStatus.Healthy), (s.Sync, s.Health)));
        var audit = await factory.Services.GetRequiredService<Data.Auditing.AuditQuery>().PageAsync(new Data.Auditing.AuditFilter(Action: "operator.sync"), 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(3, audit.Total);
        Assert.All(audit.Items, e => Assert.True(e.Succeeded && e.CommitSha is { Length: 40 }));
    }

    [Fact]
    public async Task LiveScale_SelfHealOnIsRestored_SelfHealOffStaysOutOfSync()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        await WaitAsync(() => statuses.Latest.Count == 3 && statuses.Latest.Values.All(s => s.Sync == Core.Domain.SyncStatus.Synced), TimeSpan.FromSeconds(90));
        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(factory.Services.GetRequiredService<SandboxRuntime>().KubeconfigPath);
        var storefrontReplicas = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas;
        var scale = new k8s.Models.V1Patch("{\"spec\":{\"replicas\":4}}", k8s.Models.V1Patch.PatchType.MergePatch);

        await kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(scale, "storefront", "storefront", cancellationToken: TestContext.Current.CancellationToken);
        await kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(scale, "catalog", "catalog", cancellationToken: TestContext.Current.CancellationToken);

        // storefront heals itself (self-heal on); catalog shows the drift and keeps it (self-heal off).
        await WaitAsync(async () => (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas == storefrontReplicas
            && statuses.Latest["catalog"].Sync == Core.Domain.SyncStatus.OutOfSync, TimeSpan.FromSeconds(60));
        Assert.Equal(4, (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas);
    }

    private static Task WaitAsync(Func<bool> condition, TimeSpan timeout) => WaitAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Restart_SameDataFolder_KeepsClusterRepositoriesRegistryAndEvents()
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        (string, string)[] settings = [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:PodStartupSeconds", "0")];
        string uid, head;
        await using (var first = new ConsoleFactory(data, keepData: true, settings))
        {
            first.CreateClient().Dispose();
            var runtime = first.Services.GetRequiredService<SandboxRuntime>();
            using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
            var created = await kubernetes.CoreV1.CreateNamespacedConfigMapAsync(
                new k8s.Models.V1ConfigMap { Metadata = new() { Name = "kept" }, Data = new Dictionary<string, string> { ["a"] = "1" } },
                "default", cancellationToken: TestContext.Current.CancellationToken);
            uid = created.Metadata.Uid;
            head = await runtime.World!.CommitAsync(new GitOpsConsole.Sandbox.Git.ScenarioCommit("storefront",
                new GitOpsConsole.Sandbox.Kubernetes.ImageBehavior(GitOpsConsole.Sandbox.Kubernetes.ImageRuntime.Starts, TimeSpan.Zero), "Before restart", "Dev", "dev@example.test"), TestContext.Current.CancellationToken);
            // Triggering is idempotent per commit: this is the build the push started, or starts it.
            await runtime.World!.Ci.WaitAsync(runtime.World.Ci.Trigger("storefront", head).Id, TestContext.Current.CancellationToken);
        }

        await using var second = new ConsoleFactory(data, keepData: false, settings);
        second.CreateClient().Dispose();
        var again = second.Services.GetRequiredService<SandboxRuntime>();
        using var client = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(again.KubeconfigPath);

        var kept = await client.CoreV1.ReadNamespacedConfigMapAsync("kept", "default", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(uid, kept.Metadata.Uid);
        Assert.Equal(GitOpsConsole.Sandbox.Ci.BuildStatus.Succeeded, again.World!.Ci.Find("storefront", head)!.Status);
        Assert.Contains(again.World.Registry.ListTags("storefront"), t => head.StartsWith(t.Tag, StringComparison.Ordinal));
        using var repository = new LibGit2Sharp.Repository(again.World.CloneUrl("storefront"));
        // The push started a workflow run, whose deploy commit may follow it on main.
        Assert.Contains(repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = "main" }), c => c.Sha == head);
    }

    [Fact]
    public async Task Start_SandboxDisabled_ReadyzSaysSo()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("disabled (GitOps:Sandbox:Enabled=false)", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig")));
    }
}
