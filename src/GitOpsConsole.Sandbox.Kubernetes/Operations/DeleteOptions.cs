namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

internal enum Propagation { Background, Foreground, Orphan }

/// <summary>The parts of metav1.DeleteOptions the emulator honours.</summary>
internal sealed record DeleteOptions(
    Propagation Propagation = Propagation.Background,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null,
    bool DryRun = false)
{
    public static DeleteOptions Default { get; } = new();
}
