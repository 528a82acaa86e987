using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Integrations.Rendering;
using GitOpsConsole.Integrations.Tests.Operator;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.Rendering;

/// <summary>The embedded operator with <c>GitOps:Renderer=Helm</c> applies what the helm binary printed.</summary>
[Collection(OperatorTestGroup.Name)]
public sealed class HelmBinaryOperatorTests(OperatorCluster cluster) : IDisposable
{
    private readonly DirectoryInfo _mirrors = Directory.CreateTempSubdirectory("gitops-helm-mirrors-");

    [Fact]
    public async Task Sync_HelmRenderer_AppliesTheObjectsHelmPrinted()
    {
        using var helm = new FakeHelm("""
            ---
            # Source: storefront/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: $release-from-helm
            data:
              namespace: $ns
            """);
        var name = "helm-" + Guid.NewGuid().ToString("N")[..8];
        var app = new Application
        {
            Name = name, Environment = "dev", RepositoryUrl = "sandbox:storefront", Branch = "main", Path = "chart", Namespace = name,
        };
        using var mirrors = new GitMirrorCache(
            new GitMirrorOptions { MirrorDirectory = _mirrors.FullName, Repositories = new Dictionary<string, string> { [name] = app.RepositoryUrl } },
            RepositoryUrlResolver.ForDataDirectory(cluster.DataDirectory, sandboxEnabled: true),
            NullLogger<GitMirrorCache>.Instance);
        var op = new EmbeddedOperator(cluster.Kubernetes, mirrors, new GitReader(mirrors), TimeProvider.System,
            NullLogger<EmbeddedOperator>.Instance, new HelmBinaryRenderer(helm.Executable));

        var result = await op.SyncAsync(app, revision: null, prune: false, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        var applied = await cluster.Kubernetes.CoreV1.ReadNamespacedConfigMapAsync($"{name}-from-helm", name, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(name, applied.Data["namespace"]);
        Assert.Equal(["template", name], helm.LastArguments.Take(2));
        Assert.Equal(["--namespace", name], helm.LastArguments.Skip(3).Take(2));
    }

    public void Dispose() => _mirrors.Delete(recursive: true);
}
