using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>git.open_pull_request</c>: PR mode, a change proposed for review instead of pushed to the application's branch.</summary>
public interface IPullRequestTool
{
    /// <summary>
    /// Opens a pull request from <paramref name="branch"/> into the application's branch, or returns the open one from
    /// that branch (a retried step opens no second). A Git host without pull requests answers with an error.
    /// </summary>
    Task<PullRequestLink> OpenAsync(Application app, string branch, string title, string description, RunStepKey step, CancellationToken cancellationToken = default);
}

/// <param name="Created">False when an open pull request from the branch already existed.</param>
public sealed record PullRequestLink(int Number, string Url, bool Created);
