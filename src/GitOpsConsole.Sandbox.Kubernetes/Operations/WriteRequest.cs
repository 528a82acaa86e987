namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>Who is writing and how: the field manager and operation recorded in managedFields.</summary>
internal sealed record WriteRequest(string FieldManager, string? Subresource = null, bool DryRun = false)
{
    /// <summary>Server-side apply records its own managedFields; the update tracker leaves them alone.</summary>
    public bool IsApply { get; init; }

    public static WriteRequest Controller(string manager) => new(manager);
}
