using System.Text.RegularExpressions;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Web.Operator;

/// <summary>What starting a manual sync gave: the commit it will apply and who asked, or why it was refused.</summary>
/// <param name="Completion">Ends with the sync's result (null when it could not run); null when refused.</param>
internal sealed record ManualSyncStart(string? Revision, string InitiatedBy, string? Error, Task<SyncResult?>? Completion = null);

/// <summary>
/// A sync a person asks for (API, Drift page): the revision is checked against the repository before the
/// answer (a typo is a 400, not a failed sync later), then the sync runs in the background as that person; on a
/// follower, the leader runs it (<see cref="ForwardedSyncs"/>).
/// </summary>
internal sealed partial class ManualSync(GitMirrorCache mirrors, IGitReader git, BackgroundSyncs syncs, ForwardedSyncs forwarded, IAuditLog audit)
{
    public async Task<ManualSyncStart> StartAsync(Application app, string? revision, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        string? sha = null;
        if (revision is not null)
        {
            if (!RevisionShape().IsMatch(revision) || revision.Contains("..", StringComparison.Ordinal))
            {
                return new ManualSyncStart(null, user, $"'{revision}' is not a revision: give a branch, a tag or a commit SHA.");
            }

            try
            {
                await mirrors.FetchAsync(app.Name, cancellationToken);
                sha = await git.ResolveAsync(app.Name, revision, cancellationToken);
            }
            catch (GitOperationException ex)
            {
                return new ManualSyncStart(null, user, $"Revision '{revision}' is not a branch, tag or commit of {app.RepositoryUrl}: {ex.Message}");
            }
        }

        await audit.RecordAsync(new AuditRecord(user, ActorKind.User, DriftAuditActions.SyncRequested, app.Name,
            Detail: revision is null ? $"sync to the head of {app.Branch}" : $"sync to {revision}", CommitSha: sha), cancellationToken);
        var completion = forwarded.Forwards ? await forwarded.RequestAsync(app, sha, user, cancellationToken) : syncs.Start(app, sha, user);
        return new ManualSyncStart(sha, user, null, completion);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$")]
    private static partial Regex RevisionShape();
}
