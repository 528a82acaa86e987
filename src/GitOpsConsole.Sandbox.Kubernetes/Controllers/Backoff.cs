namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>The kubelet's back-off: 10 s doubling per attempt, capped at 5 minutes.</summary>
internal static class Backoff
{
    public static TimeSpan For(long attempt)
    {
        var seconds = 10.0 * Math.Pow(2, Math.Clamp(attempt, 0, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, 300));
    }
}
