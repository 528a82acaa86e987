using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary>
/// How a pull-request write-back's branch reaches the application's branch when a Git host does the merging
/// (a GitHub pull request, merged by its checks or a person); null = the console merges the branch itself.
/// </summary>
public interface IWriteBackMerge
{
    /// <param name="title">One line: the commit's subject.</param>
    /// <param name="change">What the branch changes, for people reviewing it.</param>
    /// <returns>The commit that put the change on the application's branch, or null when this host does not merge.</returns>
    Task<GitWriteResult?> MergeAsync(Application app, string branch, string title, string change, RunStepKey step, CancellationToken cancellationToken);
}
