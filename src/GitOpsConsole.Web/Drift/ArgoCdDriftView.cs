using GitOpsConsole.Integrations.ArgoCd;

namespace GitOpsConsole.Web.Drift;

/// <summary>
/// The latest reading of one <c>Operator: ArgoCd</c> application from Argo CD: its diff, or why Argo CD could not
/// be read (a refused token, an unknown application, a server error), as the Drift page and the API show it.
/// </summary>
public sealed record ArgoCdDriftView(string Application, string ArgoApplication, ArgoCdInspection? Inspection, string? Error, DateTimeOffset ObservedAt)
{
    /// <summary>What the page shows, so a refresh that found the same is not pushed to it again.</summary>
    internal string Fingerprint => Error ?? string.Join('\n',
        [Inspection?.SyncStatus, Inspection?.HealthStatus, .. (Inspection?.Inspection.Objects ?? []).Select(o => $"{o.Key}:{o.Sync}:{o.Health.Status}:{o.Live?.ToJsonString()}")]);
}
