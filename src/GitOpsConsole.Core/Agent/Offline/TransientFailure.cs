namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>Build failures worth one retry: the network or a service was briefly unavailable, not the code.</summary>
internal static class TransientFailure
{
    private static readonly string[] Signs =
    [
        "timeout", "timed out", "connection reset", "connection refused", "temporarily unavailable",
        "503 service unavailable", "429 too many requests", "tls handshake",
    ];

    /// <summary>The first log line that shows a transient sign, or null.</summary>
    public static string? Match(string log) =>
        log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => Signs.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase)));
}
