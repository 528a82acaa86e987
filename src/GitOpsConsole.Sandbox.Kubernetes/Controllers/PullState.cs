namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>A container's failed image pulls: how many, when back-off shows, when the next attempt is.</summary>
internal sealed record PullState(int Attempts, DateTimeOffset BackOffAt, DateTimeOffset RetryAt);
