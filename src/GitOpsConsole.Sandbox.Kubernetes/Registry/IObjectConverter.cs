using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>
/// Serves a resource as a different shape of another resource's stored objects (as the API server
/// serves events.k8s.io/v1 Events from the same storage as core/v1 Events).
/// </summary>
internal interface IObjectConverter
{
    ResourceType StorageType { get; }

    JsonObject ToServed(JsonObject stored);

    JsonObject ToStored(JsonObject served);

    /// <summary>Rewrites a field selector written against the served shape into the stored shape.</summary>
    string? TranslateFieldSelector(string? selector);
}
