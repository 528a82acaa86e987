using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>With <c>GitOps:Renderer=Helm</c> the console's operator deploys what the helm binary renders.</summary>
public sealed class HelmRendererHostingTests : IDisposable
{
    // A stand-in for the helm CLI (an outside tool): answers `helm template <release> <chart> --namespace <ns> …`
    // with one ConfigMap that only it renders.
    private const string FakeHelm = """
        #!/bin/sh
        [ "$1" = template ] && [ -f "$3/Chart.yaml" ] && [ "$4" = --namespace ] || { echo "Error: unexpected call: $*" >&2; exit 1; }
        cat <<YAML
        ---
        # Source: chart/templates/rendered-by.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: rendered-by-helm
        data:
          release: $2
          namespace: $5
        YAML
        """;

    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("gitops-helm-bin-");

    [Fact]
    public async Task Start_RendererHelm_OperatorAppliesWhatHelmRendered()
    {
        var helm = Path.Combine(_bin.FullName, "helm");
        await File.WriteAllTextAsync(helm, FakeHelm.ReplaceLineEndings("\n") + "\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await using var factory = WithSandbox(("GitOps:Renderer", "Helm"), ("GitOps:HelmPath", helm));
        factory.CreateClient().Dispose();
        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(factory.Services.GetRequiredService<SandboxRuntime>().KubeconfigPath);

        var rendered = await EventuallyAsync(async () =>
        {
            var list = await kubernetes.CoreV1.ListNamespacedConfigMapAsync("catalog", fieldSelector: "metadata.name=rendered-by-helm", cancellationToken: TestContext.Current.CancellationToken);
            return list.Items.FirstOrDefault();
        }, TimeSpan.FromSeconds(60), "the ConfigMap only the helm binary renders");

        Assert.Equal("catalog", rendered.Data["release"]);
        Assert.Equal("catalog", rendered.Data["namespace"]);
    }

    public void Dispose() => _bin.Delete(recursive: true);
}
