using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Web.Runs;

/// <summary>The toolbox's Git writes with an audit entry for every commit they push (found-again commits are not new).</summary>
internal sealed class AuditedValuesTool(IValuesTool inner, IAuditLog audit) : IValuesTool
{
    public async Task<GitChange> SetImageTagAsync(Application app, string image, string tag, RunStepKey step, CancellationToken cancellationToken = default)
    {
        var change = await inner.SetImageTagAsync(app, image, tag, step, cancellationToken);
        await AuditedGitWrites.RecordAsync(audit, AuditActions.GitCommit, app, step, change, cancellationToken);
        return change;
    }

    public async Task<GitChange> SetValueAsync(Application app, string file, string yamlPath, string value, RunStepKey step, CancellationToken cancellationToken = default)
    {
        var change = await inner.SetValueAsync(app, file, yamlPath, value, step, cancellationToken);
        await AuditedGitWrites.RecordAsync(audit, AuditActions.GitCommit, app, step, change, cancellationToken);
        return change;
    }

    public async Task<GitChange> BumpChartVersionAsync(Application app, SemverPart part, RunStepKey step, CancellationToken cancellationToken = default)
    {
        var change = await inner.BumpChartVersionAsync(app, part, step, cancellationToken);
        await AuditedGitWrites.RecordAsync(audit, AuditActions.GitCommit, app, step, change, cancellationToken);
        return change;
    }
}

internal sealed class AuditedGitTool(IGitTool inner, IAuditLog audit) : IGitTool
{
    public async Task<GitChange> RevertAsync(Application app, string commit, RunStepKey step, CancellationToken cancellationToken = default)
    {
        var change = await inner.RevertAsync(app, commit, step, cancellationToken);
        await AuditedGitWrites.RecordAsync(audit, AuditActions.GitRevert, app, step, change, cancellationToken);
        return change;
    }

    public Task<string> DiffAsync(Application app, string fromRevision, string toRevision, CancellationToken cancellationToken = default) =>
        inner.DiffAsync(app, fromRevision, toRevision, cancellationToken);

    public Task<string> ReadFileAsync(Application app, string path, string revision, CancellationToken cancellationToken = default) =>
        inner.ReadFileAsync(app, path, revision, cancellationToken);
}

internal static class AuditedGitWrites
{
    public static Task RecordAsync(IAuditLog audit, string action, Application app, RunStepKey step, GitChange change, CancellationToken cancellationToken) =>
        change.Outcome == GitChangeOutcome.Committed
            ? audit.RecordAsync(new AuditRecord($"run:{step.RunId}", ActorKind.Engine, action, app.Name, Detail: change.Summary, CommitSha: change.CommitSha), cancellationToken)
            : Task.CompletedTask;
}
