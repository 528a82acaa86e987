using GitOpsConsole.Core.Configuration;
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

    /// <summary>The configured cluster (<c>GitOps:Kubernetes</c>); call <see cref="Check"/> at start first.</summary>
    public static IKubernetes Open(KubernetesOptions options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InCluster ? InCluster() : FromKubeconfig(Path.GetFullPath(options.Kubeconfig!, workingDirectory), options.Context);
    }

    /// <summary>What <c>GitOps:Kubernetes</c> names and where, for the logs and the readiness report.</summary>
    public static string Describe(KubernetesOptions options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InCluster ? "in-cluster service account"
            : $"kubeconfig {Path.GetFullPath(options.Kubeconfig!, workingDirectory)}" + (options.Context is { } context ? $", context {context}" : ", its current context");
    }

    /// <summary>
    /// Why the configured cluster cannot be opened (missing file, unreadable file, unknown context, not in a
    /// pod), naming the key to fix; null when it can, or when none is configured.
    /// </summary>
    public static string? Check(KubernetesOptions options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string key = $"{GitOpsOptions.SectionName}:Kubernetes";
        if (options.InCluster)
        {
            return KubernetesClientConfiguration.IsInCluster() ? null
                : $"{key}:InCluster: the console is not running in a Kubernetes pod (no KUBERNETES_SERVICE_HOST or service account token); use Kubeconfig instead.";
        }

        if (string.IsNullOrWhiteSpace(options.Kubeconfig))
        {
            return null;
        }

        var path = Path.GetFullPath(options.Kubeconfig, workingDirectory);
        if (!File.Exists(path))
        {
            return $"{key}:Kubeconfig: no file at {path}.";
        }

        try
        {
            var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));
            var contexts = config.Contexts?.Select(c => c.Name).ToList() ?? [];
            var wanted = options.Context ?? config.CurrentContext;
            if (wanted is null)
            {
                return $"{key}:Context: {path} has no current-context; name one of: {string.Join(", ", contexts)}.";
            }

            if (!contexts.Contains(wanted, StringComparer.Ordinal))
            {
                return $"{key}:Context: '{wanted}' is not a context of {path}; it has: {(contexts.Count == 0 ? "none" : string.Join(", ", contexts))}.";
            }

            KubernetesClientConfiguration.BuildConfigFromConfigObject(config, wanted);
            return null;
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or YamlDotNet.Core.YamlException or ArgumentException)
        {
            return $"{key}:Kubeconfig: {path} cannot be used: {ex.Message}";
        }
    }
}
