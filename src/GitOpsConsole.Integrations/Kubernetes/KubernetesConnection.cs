using k8s;

namespace GitOpsConsole.Integrations.Kubernetes;

/// <summary>
/// Opens a KubernetesClient for a cluster: a kubeconfig file (and context), or the in-cluster
/// service account. The sandbox emulator is reached the same way, through the kubeconfig it writes.
/// </summary>
public static class KubernetesConnection
{
    public static IKubernetes FromKubeconfig(string path, string? context = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No kubeconfig at {path}.", path);
        }

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        return new k8s.Kubernetes(config);
    }

    public static IKubernetes InCluster() => new k8s.Kubernetes(KubernetesClientConfiguration.InClusterConfig());
}
