namespace GitOpsConsole.Web.Leadership;

internal static class LeaderIdentity
{
    /// <summary>
    /// The configured identity, else the pod's name (the Downward API's <c>POD_NAME</c>) or the host name, with the
    /// process id so two consoles on one machine never share an identity.
    /// </summary>
    public static string Resolve(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : $"{(Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName)}_{Environment.ProcessId}";
}
