namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>The kinds the emulator serves out of the box.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceType Namespace = new("", "v1", "Namespace", "namespaces", "namespace", false, ["ns"], HasStatus: true);
    public static readonly ResourceType Node = new("", "v1", "Node", "nodes", "node", false, ["no"], HasStatus: true);
    public static readonly ResourceType ConfigMap = new("", "v1", "ConfigMap", "configmaps", "configmap", true, ["cm"]);
    public static readonly ResourceType Secret = new("", "v1", "Secret", "secrets", "secret", true, []);
    public static readonly ResourceType Service = new("", "v1", "Service", "services", "service", true, ["svc"], HasStatus: true, Categories: ["all"]);
    public static readonly ResourceType ServiceAccount = new("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", true, ["sa"]);
    public static readonly ResourceType Pod = new("", "v1", "Pod", "pods", "pod", true, ["po"], HasStatus: true, Categories: ["all"]);
    public static readonly ResourceType Event = new("", "v1", "Event", "events", "event", true, ["ev"]);
    public static readonly ResourceType EventsV1 = new("events.k8s.io", "v1", "Event", "events", "event", true, ["ev"]) { Converter = new EventsV1Converter() };
    public static readonly ResourceType Deployment = new("apps", "v1", "Deployment", "deployments", "deployment", true, ["deploy"], HasStatus: true, HasScale: true, Categories: ["all"]);
    public static readonly ResourceType ReplicaSet = new("apps", "v1", "ReplicaSet", "replicasets", "replicaset", true, ["rs"], HasStatus: true, HasScale: true, Categories: ["all"]);
    public static readonly ResourceType StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets", "statefulset", true, ["sts"], HasStatus: true, HasScale: true, Categories: ["all"]);
    public static readonly ResourceType Job = new("batch", "v1", "Job", "jobs", "job", true, [], HasStatus: true, Categories: ["all"]);
    public static readonly ResourceType Ingress = new("networking.k8s.io", "v1", "Ingress", "ingresses", "ingress", true, ["ing"], HasStatus: true);
    public static readonly ResourceType HorizontalPodAutoscaler = new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "horizontalpodautoscaler", true, ["hpa"], HasStatus: true, Categories: ["all"]);
    public static readonly ResourceType Role = new("rbac.authorization.k8s.io", "v1", "Role", "roles", "role", true, []);
    public static readonly ResourceType RoleBinding = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", "rolebinding", true, []);
    public static readonly ResourceType ClusterRole = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", "clusterrole", false, []);
    public static readonly ResourceType ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", "clusterrolebinding", false, []);
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "Lease", "leases", "lease", true, []);
    public static readonly ResourceType CustomResourceDefinition = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", "customresourcedefinition", false, ["crd", "crds"], HasStatus: true);

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespace, Node, ConfigMap, Secret, Service, ServiceAccount, Pod, Event, EventsV1,
        Deployment, ReplicaSet, StatefulSet, Job, Ingress, HorizontalPodAutoscaler,
        Role, RoleBinding, ClusterRole, ClusterRoleBinding, Lease, CustomResourceDefinition,
    ];
}
