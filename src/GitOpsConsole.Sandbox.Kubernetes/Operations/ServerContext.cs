using GitOpsConsole.Sandbox.Kubernetes.Admission;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>The shared state every operation works against.</summary>
internal sealed class ServerContext(ResourceRegistry registry, ObjectStore store, TimeProvider time)
{
    public ResourceRegistry Registry { get; } = registry;
    public ObjectStore Store { get; } = store;
    public TimeProvider Time { get; } = time;
    public ClusterIpAllocator ClusterIps { get; } = new();
}
