using GitOpsConsole.Sandbox;
using GitOpsConsole.Sandbox.Kubernetes;
using k8s;

namespace GitOpsConsole.Web.Sandbox;

public enum SandboxState
{
    Disabled,
    Starting,
    Running,
    Failed,
}

/// <summary>The running sandbox world, as the console's pages and checks see it.</summary>
public sealed class SandboxRuntime
{
    public SandboxState State { get; internal set; } = SandboxState.Disabled;

    public string? Error { get; internal set; }

    public SandboxWorld? World { get; internal set; }

    public KubernetesEmulator? Cluster { get; internal set; }

    /// <summary>KubernetesClient on the kubeconfig below, shared by the operator and the Sandbox page.</summary>
    public IKubernetes? Client { get; internal set; }

    /// <summary><c>&lt;data&gt;/sandbox/kubeconfig</c>, for kubectl and KubernetesClient.</summary>
    public required string KubeconfigPath { get; init; }

    public bool IsRunning => State == SandboxState.Running && World is not null && Cluster is not null && Client is not null;
}
