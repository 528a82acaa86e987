namespace GitOpsConsole.Helm.Output;

/// <summary>Helm's install order by kind; unknown kinds go last, alphabetically, keeping input order within a kind.</summary>
internal sealed class KindOrder : IComparer<string>
{
    private static readonly string[] InstallOrder =
    [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ];

    private static readonly Dictionary<string, int> Rank = InstallOrder.Select((kind, i) => (kind, i)).ToDictionary(x => x.kind, x => x.i, StringComparer.Ordinal);

    public static KindOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = x ?? string.Empty;
        var b = y ?? string.Empty;
        var knownA = Rank.TryGetValue(a, out var rankA);
        var knownB = Rank.TryGetValue(b, out var rankB);
        return (knownA, knownB) switch
        {
            (true, true) => rankA.CompareTo(rankB),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }

    /// <summary>A stable sort (List.Sort is not stable), as Helm's sort.SliceStable.</summary>
    public static List<T> SortStable<T>(IEnumerable<T> items, Func<T, string> kind) =>
        items.Select((item, index) => (item, index))
            .OrderBy(x => kind(x.item), Instance)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
}
