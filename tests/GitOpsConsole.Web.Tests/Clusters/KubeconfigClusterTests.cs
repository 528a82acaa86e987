using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Startup;
using k8s;
using Microsoft.Extensions.Configuration;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Clusters;

/// <summary><c>GitOps:Kubernetes</c>: a kubeconfig and context instead of the sandbox's emulator, checked at start.</summary>
public sealed class KubeconfigClusterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gitops-kubeconfig-").FullName;

    [Fact]
    public async Task Start_KubeconfigWithTwoContexts_OperatorDeploysThroughTheChosenOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var chosen = new KubernetesEmulator(new KubernetesEmulatorOptions());
        await chosen.StartAsync(ct);
        // The current context points at nothing; only honouring Context=chosen reaches a cluster.
        var kubeconfig = WriteKubeconfig(("unreachable", "http://127.0.0.1:1"), ("chosen", chosen.BaseAddress.ToString().TrimEnd('/')));
        await using var factory = WithSandbox(("GitOps:Kubernetes:Kubeconfig", kubeconfig), ("GitOps:Kubernetes:Context", "chosen"));
        factory.CreateClient().Dispose();

        using var client = KubernetesConnection.FromKubeconfig(kubeconfig, "chosen");
        var deployment = await EventuallyAsync(async () =>
            (await client.AppsV1.ListNamespacedDeploymentAsync("storefront", cancellationToken: ct)).Items.FirstOrDefault(),
            TimeSpan.FromSeconds(60), "the operator's sync of storefront in the chosen context's cluster");

        Assert.Equal("gitops-console", deployment.Metadata.ManagedFields?.FirstOrDefault()?.Manager);
        using var sandboxCluster = KubernetesConnection.FromKubeconfig(Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig"));
        Assert.Empty((await sandboxCluster.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct)).Items);
    }

    [Fact]
    public void Check_KubeconfigMissing_NamesTheKeyAndPath()
    {
        var check = Check(("GitOps:Kubernetes:Kubeconfig", "nowhere/config"));

        Assert.Equal($"GitOps:Kubernetes:Kubeconfig: no file at {Path.Combine(_folder, "nowhere", "config")}.", Assert.Single(check.Errors));
    }

    [Fact]
    public void Check_UnknownContext_ListsTheContextsTheFileHas()
    {
        var kubeconfig = WriteKubeconfig(("staging", "https://staging.example:6443"), ("prod", "https://prod.example:6443"));

        var check = Check(("GitOps:Kubernetes:Kubeconfig", kubeconfig), ("GitOps:Kubernetes:Context", "dev"));

        var error = Assert.Single(check.Errors);
        Assert.StartsWith("GitOps:Kubernetes:Context: 'dev' is not a context of ", error, StringComparison.Ordinal);
        Assert.EndsWith("it has: staging, prod.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KnownContext_Succeeds()
    {
        var kubeconfig = WriteKubeconfig(("staging", "https://staging.example:6443"), ("prod", "https://prod.example:6443"));

        Assert.True(Check(("GitOps:Kubernetes:Kubeconfig", kubeconfig), ("GitOps:Kubernetes:Context", "prod")).Succeeded);
    }

    [Fact]
    public void Check_InClusterOutsideAPod_SaysSo()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null, "these tests run inside a Kubernetes pod");

        var check = Check(("GitOps:Kubernetes:InCluster", "true"));

        Assert.StartsWith("GitOps:Kubernetes:InCluster: the console is not running in a Kubernetes pod", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ContextWithoutKubeconfig_NamesBothKeys()
    {
        var check = Check(("GitOps:Kubernetes:Context", "prod"));

        Assert.Contains("GitOps:Kubernetes:Kubeconfig", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private StartupCheck Check(params (string Key, string Value)[] settings) =>
        StartupGate.Check(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), _folder);

    private string WriteKubeconfig(params (string Name, string Server)[] clusters)
    {
        var path = Path.Combine(_folder, "kubeconfig");
        var text = "apiVersion: v1\nkind: Config\nusers:\n- name: console\n  user:\n    token: unused\nclusters:\n"
            + string.Concat(clusters.Select(c => $"- name: {c.Name}\n  cluster:\n    server: {c.Server}\n"))
            + "contexts:\n" + string.Concat(clusters.Select(c => $"- name: {c.Name}\n  context:\n    cluster: {c.Name}\n    user: console\n"))
            + $"current-context: {clusters[0].Name}\n";
        File.WriteAllText(path, text);
        return path;
    }
}
