namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>One servable resource: the facts discovery publishes and the store and router key on.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    bool HasStatus = false,
    bool HasScale = false,
    IReadOnlyList<string>? Categories = null)
{
    /// <summary>Version-independent storage key: all served versions of a resource share one bucket.</summary>
    public string StorageKey => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    public string ListKind => Kind + "List";

    public bool IsCustom { get; init; }

    /// <summary>The version objects are stored in when several versions of a custom resource are served.</summary>
    public string StorageVersion { get; init; } = Version;
}
