using GitOpsConsole.Core.Configuration;
using Octokit;
using Application = GitOpsConsole.Core.Domain.Application;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>What a pull request proposes: the branch it comes from, one line of title, what changes and the run that made it.</summary>
public sealed record PullRequestProposal(string HeadBranch, string Title, string Change, Uri? RunUrl);

public sealed record OpenedPullRequest(int Number, string HtmlUrl, string HeadSha, bool Created);

public enum MergeOutcome
{
    Merged,
    AlreadyMerged,
    ChecksPending,
    ChecksFailed,
}

public sealed record MergeAttempt(MergeOutcome Outcome, string Detail);

/// <summary>
/// PR mode for image bumps: opens (or finds the open) pull request from the run's branch into the
/// application's branch, and merges it through GitHub's merge endpoint once every status and check
/// run on its head passed.
/// </summary>
public sealed class GitHubPullRequests(IGitHubClient client, GitHubPullRequestOptions options, Func<Application, GitHubRepository>? repositoryOf = null)
{
    private readonly Func<Application, GitHubRepository> _repositoryOf = repositoryOf ?? (a => GitHubRepository.Parse(a.RepositoryUrl));

    public async Task<OpenedPullRequest> OpenAsync(Application app, PullRequestProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(proposal);
        var repository = _repositoryOf(app);

        // A retried step finds the pull request it opened before instead of meeting GitHub's 422.
        var open = await client.PullRequest.GetAllForRepository(repository.Owner, repository.Name,
            new PullRequestRequest { Head = $"{repository.Owner}:{proposal.HeadBranch}", Base = app.Branch, State = ItemStateFilter.Open });
        if (open.Count > 0)
        {
            var existing = open[0];
            return new OpenedPullRequest(existing.Number, existing.HtmlUrl, existing.Head.Sha, Created: false);
        }

        var created = await client.PullRequest.Create(repository.Owner, repository.Name,
            new NewPullRequest(proposal.Title, proposal.HeadBranch, app.Branch) { Body = Body(app, proposal) });
        return new OpenedPullRequest(created.Number, created.HtmlUrl, created.Head.Sha, Created: true);
    }

    /// <summary>Merges when every check passed; otherwise says why not (nothing is merged while checks run or fail).</summary>
    public async Task<MergeAttempt> MergeIfChecksPassedAsync(Application app, int number)
    {
        ArgumentNullException.ThrowIfNull(app);
        var repository = _repositoryOf(app);
        var pull = await client.PullRequest.Get(repository.Owner, repository.Name, number);
        if (pull.Merged)
        {
            return new MergeAttempt(MergeOutcome.AlreadyMerged, $"#{number} is already merged");
        }

        var checks = await PullRequestChecks.ReadAsync(client, repository, pull.Head.Sha);
        if (checks.Outcome != MergeOutcome.Merged)
        {
            return checks;
        }

        // The head SHA guards against merging commits pushed after the checks were read (GitHub answers 409).
        var merge = await client.PullRequest.Merge(repository.Owner, repository.Name, number,
            new MergePullRequest { Sha = pull.Head.Sha, MergeMethod = Method(options.MergeMethod) });
        return new MergeAttempt(MergeOutcome.Merged, merge.Sha);
    }

    /// <summary>The merge commit once the pull request is merged; null while it is open; an error when it was closed unmerged.</summary>
    public async Task<string?> MergedShaAsync(Application app, int number)
    {
        ArgumentNullException.ThrowIfNull(app);
        var repository = _repositoryOf(app);
        var pull = await client.PullRequest.Get(repository.Owner, repository.Name, number);
        return pull.Merged ? pull.MergeCommitSha
            : pull.State.Value == ItemState.Closed ? throw new InvalidOperationException($"Pull request #{number} ({pull.HtmlUrl}) was closed without merging.")
            : null;
    }

    private static string Body(Application app, PullRequestProposal proposal)
    {
        var run = proposal.RunUrl is null ? "" : $"\n\nRun: {proposal.RunUrl.AbsoluteUri}";
        return $"{proposal.Change}\n\nApplication `{app.Name}` ({app.Environment}), into `{app.Branch}`.{run}\n\nOpened by GitOps Console.";
    }

    private static PullRequestMergeMethod Method(string name) => name.ToLowerInvariant() switch
    {
        "merge" => PullRequestMergeMethod.Merge,
        "rebase" => PullRequestMergeMethod.Rebase,
        "squash" => PullRequestMergeMethod.Squash,
        _ => throw new ArgumentException($"GitOps:GitHub:PullRequests:MergeMethod: '{name}' is not merge, squash or rebase.", nameof(name)),
    };
}
