namespace GitOpsConsole.Sandbox.Kubernetes.Patching;

/// <summary>
/// The patchMergeKey / listType metadata of the built-in kinds (what the Go structs' tags declare),
/// looked up by the list's field name and the field names on the path to it.
/// Custom resources get only the metadata rules: their lists are atomic.
/// </summary>
internal static class PatchMeta
{
    private static readonly Dictionary<string, string> KeyByField = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["conditions"] = "type",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["secrets"] = "name",
        ["ownerReferences"] = "uid",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
    };

    /// <param name="kind">The object's kind.</param>
    /// <param name="builtIn">False for custom resources.</param>
    /// <param name="path">Field names from the root to the list, list indices left out.</param>
    public static ListKind For(string kind, bool builtIn, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return ListKind.Atomic;
        }
        var field = path[^1];
        var inMetadata = path.Count == 2 && path[0] == "metadata";
        if (inMetadata && field == "finalizers")
        {
            return ListKind.Set;
        }
        if (inMetadata && field == "ownerReferences")
        {
            return ListKind.Keyed("uid");
        }
        if (!builtIn || path[0] == "metadata")
        {
            return ListKind.Atomic;
        }
        if (field == "ports")
        {
            if (kind == "Service" && path.Count == 2)
            {
                return ListKind.Keyed("port");
            }
            return path.Contains("containers") || path.Contains("initContainers") ? ListKind.Keyed("containerPort") : ListKind.Atomic;
        }
        if (field == "conditions" && !path.Contains("status"))
        {
            return ListKind.Atomic;
        }
        return KeyByField.TryGetValue(field, out var key) ? ListKind.Keyed(key) : ListKind.Atomic;
    }
}
