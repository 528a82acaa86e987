using System.Text;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary><c>git.revert</c>, <c>git.diff</c> and <c>git.read_file</c> on the application's deployment repository.</summary>
public sealed class GitTool(IGitWriter writer, IGitReader reader, GitMirrorCache mirrors) : IGitTool
{
    public async Task<GitChange> RevertAsync(Application app, string commit, RunStepKey step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var message = $"rollback({app.Name}): revert {CommitSha.Abbreviate(commit)}\n\n[skip ci]";
        var result = await writer.RevertAsync(app.Name, app.Branch, commit, message, ConsoleAuthor.Signature, ConsoleAuthor.Trailers(step), cancellationToken);
        var outcome = ConsoleAuthor.Outcome(result.Outcome);
        var summary = outcome switch
        {
            GitChangeOutcome.Committed => $"Reverted {CommitSha.Abbreviate(commit)} in {CommitSha.Abbreviate(result.Sha)}",
            GitChangeOutcome.AlreadyDone => $"Already reverted earlier in this run: {CommitSha.Abbreviate(result.Sha)}",
            _ => $"{CommitSha.Abbreviate(commit)} is already undone on {app.Branch}",
        };
        return new GitChange(result.Sha, outcome, summary);
    }

    public async Task<string> DiffAsync(Application app, string fromRevision, string toRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await mirrors.FetchAsync(app.Name, cancellationToken);
        return await reader.DiffAsync(app.Name, fromRevision, toRevision, cancellationToken: cancellationToken);
    }

    public async Task<string> ReadFileAsync(Application app, string path, string revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await mirrors.FetchAsync(app.Name, cancellationToken);
        return Encoding.UTF8.GetString(await reader.ReadFileAsync(app.Name, revision, path, cancellationToken));
    }
}
