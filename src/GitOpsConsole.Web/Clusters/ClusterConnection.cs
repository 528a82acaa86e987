using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Clusters;

/// <summary>
/// The cluster the operator, the drift watches and the Lease talk to: the one <c>GitOps:Kubernetes</c> names
/// (kubeconfig + context, or in-cluster), else the sandbox's emulator through the kubeconfig it wrote. Both
/// are the same KubernetesClient adapter; nothing downstream knows which it got.
/// </summary>
public sealed class ClusterConnection(IOptions<GitOpsOptions> options, SandboxRuntime sandbox) : IDisposable
{
    private readonly Lazy<IKubernetes?> _configured = new(() => options.Value.Kubernetes.IsConfigured
        ? KubernetesConnection.Open(options.Value.Kubernetes, Environment.CurrentDirectory)
        : null);

    /// <summary>The client; null while there is no cluster (no configuration and the sandbox off or failed).</summary>
    public IKubernetes? Client => _configured.Value ?? sandbox.Client;

    public bool IsAvailable => options.Value.Kubernetes.IsConfigured || sandbox.IsRunning;

    /// <summary>Which cluster, for logs and the readiness report.</summary>
    public string Description => options.Value.Kubernetes.IsConfigured
        ? KubernetesConnection.Describe(options.Value.Kubernetes, Environment.CurrentDirectory)
        : sandbox.IsRunning ? $"the sandbox emulator ({sandbox.KubeconfigPath})" : "none (the sandbox is off or failed to start)";

    public void Dispose()
    {
        if (_configured.IsValueCreated)
        {
            _configured.Value?.Dispose();
        }
    }
}
