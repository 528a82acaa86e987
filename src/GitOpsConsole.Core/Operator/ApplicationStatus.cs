using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// What <c>operator.status(app)</c> answers: sync and health in Argo CD's vocabulary, against the
/// revision the application's branch points at, plus every object. <see cref="Error"/> explains an
/// Unknown sync (e.g. the chart does not render).
/// </summary>
public sealed record ApplicationStatus(
    string Application,
    string? Revision,
    SyncStatus Sync,
    HealthStatus Health,
    string HealthMessage,
    IReadOnlyList<ResourceStatus> Resources,
    DateTimeOffset ObservedAt,
    string? Error = null);
