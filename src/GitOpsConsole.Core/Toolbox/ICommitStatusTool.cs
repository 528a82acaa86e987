using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>commit.status</c> and <c>commit.set_status</c>: the checks a Git host shows beside a commit (GitHub's statuses).</summary>
public interface ICommitStatusTool
{
    Task SetStatusAsync(Application app, string commit, CommitStatusReport status, CancellationToken cancellationToken = default);

    /// <summary>The commit's statuses, newest first per context.</summary>
    Task<IReadOnlyList<CommitStatusReport>> GetStatusesAsync(Application app, string commit, CancellationToken cancellationToken = default);

    /// <summary>Whether the application's Git host keeps statuses at all (false: a set is taken and nothing kept).</summary>
    bool Reports(Application app) => true;
}

/// <summary>GitHub's commit status states.</summary>
public enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}

/// <param name="Context">Which check this is, e.g. <c>gitops-console/storefront</c>.</param>
/// <param name="TargetUrl">Where the status links (the run page); null = the host's default for the application.</param>
public sealed record CommitStatusReport(CommitState State, string Context, string Description, DateTimeOffset CreatedAt, Uri? TargetUrl = null);
