using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// The one embedded operator of the console behind the toolbox's <c>operator.*</c> and <c>cluster.health</c>:
/// the operator loop, the engines and the API all sync through here, so every sync is audited and its
/// resulting status published the same way whoever asked.
/// </summary>
internal sealed class OperatorService(
    SandboxRuntime sandbox,
    GitMirrorCache mirrors,
    IGitReader git,
    ApplicationStatusFeed statuses,
    IAuditLog audit,
    TimeProvider time,
    ILoggerFactory loggers,
    Integrations.Rendering.IChartRenderer renderer) : IOperatorTool, IClusterTool
{
    private readonly Lazy<EmbeddedOperator> _operator = new(() => new EmbeddedOperator(
        sandbox.Client ?? throw new InvalidOperationException("The embedded operator has no cluster: the sandbox is off or failed to start."),
        mirrors, git, time, loggers.CreateLogger<EmbeddedOperator>(), renderer));

    /// <summary>False when there is no cluster to operate on.</summary>
    public bool IsAvailable => sandbox.IsRunning;

    public async Task<SyncResult> SyncAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await mirrors.FetchAsync(app.Name, cancellationToken);
        var result = await _operator.Value.SyncAsync(app, revision, app.Prune, cancellationToken);
        var changed = result.Resources.Count(r => r.Outcome is not ResourceSyncOutcome.Unchanged);
        await audit.RecordAsync(new AuditRecord(initiatedBy, ActorKindOf(initiatedBy), AuditActions.OperatorSync, app.Name,
            Succeeded: result.Succeeded,
            Detail: $"{result.Message} ({changed} of {result.Resources.Count} objects changed)",
            CommitSha: result.Revision), cancellationToken);
        statuses.Publish(await _operator.Value.StatusAsync(app, cancellationToken));
        return result;
    }

    public async Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default)
    {
        var status = await _operator.Value.StatusAsync(app, cancellationToken);
        statuses.Publish(status);
        return status;
    }

    public async Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (revision is not null)
        {
            await mirrors.FetchAsync(app.Name, cancellationToken);
        }

        return await _operator.Value.DiffAsync(app, revision, cancellationToken);
    }

    public Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default) =>
        _operator.Value.HealthAsync(app, cancellationToken);

    private static ActorKind ActorKindOf(string initiatedBy) =>
        initiatedBy.StartsWith("run:", StringComparison.Ordinal) ? ActorKind.Engine
        : initiatedBy is OperatorInitiators.Automated or OperatorInitiators.SelfHeal ? ActorKind.Operator
        : ActorKind.User;
}

/// <summary>Who asked for a sync, as the audit log and the sync history name it.</summary>
internal static class OperatorInitiators
{
    public const string Automated = "automated";
    public const string SelfHeal = "self-heal";

    public static string Run(Guid runId) => $"run:{runId}";
}
