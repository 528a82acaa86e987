using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using Octokit;
using Application = GitOpsConsole.Core.Domain.Application;
using CommitState = GitOpsConsole.Core.Toolbox.CommitState;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// <c>commit.status</c> and <c>commit.set_status</c> on GitHub's statuses API. Each status links to
/// what <paramref name="targetUrl"/> names for the application and commit: the page of the run that set it.
/// </summary>
public sealed class GitHubCommitStatusTool(IGitHubClient client, Func<Application, string, Uri?> targetUrl, Func<Application, GitHubRepository>? repositoryOf = null) : ICommitStatusTool
{
    private readonly Func<Application, GitHubRepository> _repositoryOf = repositoryOf ?? (a => GitHubRepository.Parse(a.RepositoryUrl));

    // GitHub refuses descriptions over 140 characters with 422.
    private const int MaxDescription = 140;

    public async Task SetStatusAsync(Application app, string commit, CommitStatusReport status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(status);
        var repository = _repositoryOf(app);
        var description = status.Description.Length > MaxDescription ? status.Description[..(MaxDescription - 1)] + "…" : status.Description;
        var update = new NewCommitStatus
        {
            State = ToGitHub(status.State),
            Context = status.Context,
            Description = description,
            TargetUrl = (status.TargetUrl ?? targetUrl(app, commit))?.AbsoluteUri,
        };
        await client.Repository.Status.Create(repository.Owner, repository.Name, commit, update);
    }

    public async Task<IReadOnlyList<CommitStatusReport>> GetStatusesAsync(Application app, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var repository = _repositoryOf(app);

        // GitHub lists newest first, so the first status of each context is its current one.
        var statuses = await client.Repository.Status.GetAll(repository.Owner, repository.Name, commit);
        return [.. statuses
            .Select(s => new CommitStatusReport(FromGitHub(s.State.Value), s.Context, s.Description ?? "", s.CreatedAt))
            .DistinctBy(s => s.Context)];
    }

    private static Octokit.CommitState ToGitHub(CommitState state) => state switch
    {
        CommitState.Pending => Octokit.CommitState.Pending,
        CommitState.Success => Octokit.CommitState.Success,
        CommitState.Failure => Octokit.CommitState.Failure,
        _ => Octokit.CommitState.Error,
    };

    private static CommitState FromGitHub(Octokit.CommitState state) => state switch
    {
        Octokit.CommitState.Pending => CommitState.Pending,
        Octokit.CommitState.Success => CommitState.Success,
        Octokit.CommitState.Failure => CommitState.Failure,
        _ => CommitState.Error,
    };
}
