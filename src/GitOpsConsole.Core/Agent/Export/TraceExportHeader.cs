using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Export;

/// <summary>What an exported trace says about its run before the entries: which run, how it ended, who the model was.</summary>
public sealed record TraceExportHeader(
    Guid RunId,
    string Application,
    DeploymentEngine Engine,
    RunStatus Status,
    string? Reason,
    string? Provider,
    string? Model,
    long Tokens,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static TraceExportHeader Of(Run run, string application)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, application, run.Engine, run.Status, run.Reason, run.Provider, run.Model, run.LlmTokens, run.StartedAt, run.FinishedAt);
    }
}
