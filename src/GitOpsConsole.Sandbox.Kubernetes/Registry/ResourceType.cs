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
    public string StorageKey => Converter?.StorageType.StorageKey ?? (Group.Length == 0 ? Plural : $"{Plural}.{Group}");

    /// <summary>Set when this resource is another one's stored objects in a different shape.</summary>
    public IObjectConverter? Converter { get; init; }

    /// <summary>The resource whose objects are actually written.</summary>
    public ResourceType Storage => Converter?.StorageType ?? this;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    public string ListKind => Kind + "List";

    public bool IsCustom { get; init; }

    /// <summary>The version objects are stored in when several versions of a custom resource are served.</summary>
    public string StorageVersion { get; init; } = Version;
}
