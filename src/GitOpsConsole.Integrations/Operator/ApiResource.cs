using System.Globalization;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>A resource type as discovery describes it, and the REST paths of its objects.</summary>
internal sealed record ApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced, bool Listable)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    private string Prefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The path of one object; <paramref name="ns"/> is ignored for cluster-scoped kinds.</summary>
    public string ObjectPath(string ns, string name) => Namespaced
        ? $"{Prefix}/namespaces/{Escape(ns)}/{Plural}/{Escape(name)}"
        : $"{Prefix}/{Plural}/{Escape(name)}";

    /// <summary>All objects of the type (across namespaces), optionally in one namespace, filtered by a label selector.</summary>
    public string ListPath(string? ns, string labelSelector) => string.Create(CultureInfo.InvariantCulture,
        $"{(Namespaced && ns is not null ? $"{Prefix}/namespaces/{Escape(ns)}" : Prefix)}/{Plural}?labelSelector={Uri.EscapeDataString(labelSelector)}");

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
