using System.Diagnostics;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Drift;
using k8s;
using k8s.Models;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Deploy;

/// <summary>
/// <c>deploy/</c>: kubectl applies it to the emulator as it would to a cluster, and its RBAC grants what the
/// console does there: the operator's kinds, the namespaces it creates, the workload health it reads, the Lease.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string[] OwnedVerbs = ["get", "list", "watch", "create", "patch", "delete"];
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy");

    [Fact]
    public async Task KubectlApply_DeployFolder_CreatesTheConsoleWithTwoReplicasAndProbes()
    {
        var kubectl = RequireTool("kubectl", "kubernetes-client");
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new KubernetesEmulator(new KubernetesEmulatorOptions());
        await cluster.StartAsync(ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("gitops-deploy-").FullName, "kubeconfig");
        cluster.WriteKubeconfig(kubeconfig);

        await KubectlAsync(kubectl, kubeconfig, "apply", "--dry-run=server", "-f", Path.Combine(Folder, "00-namespace.yaml"));
        await KubectlAsync(kubectl, kubeconfig, "apply", "-f", Folder);
        await KubectlAsync(kubectl, kubeconfig, "apply", "-f", Path.Combine(Folder, "examples", "secret.yaml"));

        using var client = KubernetesConnection.FromKubeconfig(kubeconfig);
        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("gitops-console", "gitops-console", cancellationToken: ct);
        var container = deployment.Spec.Template.Spec.Containers.Single();
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("gitops-console", deployment.Spec.Template.Spec.ServiceAccountName);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("gitops-console", container.EnvFrom.Single().SecretRef.Name);
        Assert.Contains(container.Env, e => e.Name == "POD_NAME" && e.ValueFrom.FieldRef.FieldPath == "metadata.name");
        Assert.NotNull(await client.RbacAuthorizationV1.ReadClusterRoleBindingAsync("gitops-console", cancellationToken: ct));
        var settings = (await client.CoreV1.ReadNamespacedConfigMapAsync("gitops-console", "gitops-console", cancellationToken: ct)).Data["appsettings.Production.json"];
        Assert.Contains("\"LeaderElection\": { \"Enabled\": true", settings, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(kubeconfig)!, recursive: true);
    }

    [Fact]
    public void ClusterRole_EveryKindTheOperatorWatchesAndApplies_IsGrantedEveryVerbItUses()
    {
        var role = Rbac().OfType<V1ClusterRole>().Single();

        Assert.All(DriftWatcher.CommonKinds, k => AssertGranted(role.Rules, Group(k.ApiVersion), Plural(k.Kind), OwnedVerbs));
        AssertGranted(role.Rules, "", "namespaces", ["get", "list", "create", "patch"]);
        AssertGranted(role.Rules, "", "pods", ["get", "list", "watch"]);
        AssertGranted(role.Rules, "apps", "replicasets", ["get", "list", "watch"]);
        Assert.DoesNotContain(role.Rules, r => r.Resources.Contains("*") || r.Verbs.Contains("*") || r.ApiGroups.Contains("*"));
    }

    [Fact]
    public void Role_LeaderElection_MayReadCreateAndRenewTheLeaseInItsNamespaceOnly()
    {
        var objects = Rbac();
        var role = objects.OfType<V1Role>().Single();
        var binding = objects.OfType<V1RoleBinding>().Single();

        AssertGranted(role.Rules, "coordination.k8s.io", "leases", ["get", "create", "update"]);
        Assert.Equal("gitops-console", role.Metadata.NamespaceProperty);
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        Assert.DoesNotContain(objects.OfType<V1ClusterRole>().Single().Rules, r => r.Resources.Contains("leases"));
    }

    private static List<object> Rbac() => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, "10-rbac.yaml")));

    private static void AssertGranted(IEnumerable<V1PolicyRule> rules, string group, string resource, IEnumerable<string> verbs)
    {
        var granted = rules.Where(r => r.ApiGroups.Contains(group) && r.Resources.Contains(resource)).SelectMany(r => r.Verbs).ToHashSet();
        var missing = verbs.Where(v => !granted.Contains(v)).ToList();
        Assert.True(missing.Count == 0, $"{(group.Length == 0 ? "core" : group)}/{resource} lacks {string.Join(", ", missing)}");
    }

    private static string Group(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion.Split('/')[0] : "";

    private static string Plural(string kind) =>
        kind.ToLowerInvariant() is var lower && lower.EndsWith('s') ? lower + "es" : kind.ToLowerInvariant() + "s";

    private static async Task KubectlAsync(string kubectl, string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--kubeconfig", kubeconfig, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {error}{await output}");
    }
}
