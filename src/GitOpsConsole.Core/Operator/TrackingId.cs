namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Marks an object as applied by one application, so pruning deletes only what that application put
/// there: <c>&lt;app&gt;:&lt;group&gt;/&lt;kind&gt;:&lt;namespace&gt;/&lt;name&gt;</c> in an annotation. The id
/// repeats the object's identity so a copy of the annotation on another object (kubectl get -o yaml |
/// kubectl apply) does not make that object prunable.
/// </summary>
public static class TrackingId
{
    public const string Annotation = "gitops-console.io/tracking-id";

    /// <summary>A label too, because labels (not annotations) can be selected by the API server when listing.</summary>
    public const string AppLabel = "gitops-console.io/app";

    public static string For(string application, ResourceKey resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"{application}:{resource.Group}/{resource.Kind}:{resource.Namespace}/{resource.Name}";
    }

    /// <summary>Whether <paramref name="annotationValue"/> says this object was applied by <paramref name="application"/>.</summary>
    public static bool IsOwnedBy(string? annotationValue, string application, ResourceKey resource) =>
        annotationValue is not null && string.Equals(annotationValue, For(application, resource), StringComparison.Ordinal);
}
