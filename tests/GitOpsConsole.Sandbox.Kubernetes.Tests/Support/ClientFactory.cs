using k8s;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

internal static class ClientFactory
{
    /// <summary>A KubernetesClient built from the kubeconfig the emulator wrote, as the console would.</summary>
    public static k8s.Kubernetes Create(TestCluster cluster) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.Kubeconfig));
}
