using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>git.revert</c>, <c>git.diff</c>, <c>git.read_file</c>: the deployment repository.</summary>
public interface IGitTool
{
    /// <summary>Pushes a commit that undoes <paramref name="commit"/> on the application's branch (GitOps-native rollback).</summary>
    Task<GitChange> RevertAsync(Application app, string commit, RunStepKey step, CancellationToken cancellationToken = default);

    /// <summary>Unified diff between two revisions.</summary>
    Task<string> DiffAsync(Application app, string fromRevision, string toRevision, CancellationToken cancellationToken = default);

    Task<string> ReadFileAsync(Application app, string path, string revision, CancellationToken cancellationToken = default);
}
