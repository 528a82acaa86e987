namespace GitOpsConsole.Helm.Objects;

/// <summary>The group/versions (and group/version/Kind entries) a default Kubernetes cluster serves, as Helm assumes offline.</summary>
internal static class DefaultApiVersions
{
    private static readonly (string GroupVersion, string[] Kinds)[] Known =
    [
        ("v1", ["ConfigMap", "Endpoints", "Event", "LimitRange", "Namespace", "Node", "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodTemplate", "ReplicationController", "ResourceQuota", "Secret", "Service", "ServiceAccount"]),
        ("admissionregistration.k8s.io/v1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]),
        ("apiextensions.k8s.io/v1", ["CustomResourceDefinition"]),
        ("apiregistration.k8s.io/v1", ["APIService"]),
        ("apps/v1", ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"]),
        ("authentication.k8s.io/v1", ["TokenReview"]),
        ("authorization.k8s.io/v1", ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview"]),
        ("autoscaling/v1", ["HorizontalPodAutoscaler"]),
        ("autoscaling/v2", ["HorizontalPodAutoscaler"]),
        ("batch/v1", ["CronJob", "Job"]),
        ("certificates.k8s.io/v1", ["CertificateSigningRequest"]),
        ("coordination.k8s.io/v1", ["Lease"]),
        ("discovery.k8s.io/v1", ["EndpointSlice"]),
        ("events.k8s.io/v1", ["Event"]),
        ("networking.k8s.io/v1", ["Ingress", "IngressClass", "NetworkPolicy"]),
        ("node.k8s.io/v1", ["RuntimeClass"]),
        ("policy/v1", ["PodDisruptionBudget"]),
        ("rbac.authorization.k8s.io/v1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"]),
        ("scheduling.k8s.io/v1", ["PriorityClass"]),
        ("storage.k8s.io/v1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"]),
    ];

    public static HashSet<string> Create(IEnumerable<string> extra)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (groupVersion, kinds) in Known)
        {
            set.Add(groupVersion);
            foreach (var kind in kinds)
            {
                set.Add(groupVersion + "/" + kind);
            }
        }

        set.UnionWith(extra);
        return set;
    }
}
