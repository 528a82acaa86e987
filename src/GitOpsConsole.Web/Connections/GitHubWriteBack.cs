using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.GitHub;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// PR mode on GitHub: the run's branch becomes a pull request whose body says what changes and links the run;
/// with <c>AutoMerge</c> it is merged once every status and check run on its head passed, otherwise the run waits
/// for a person to merge it. Either way the run continues with the merge commit, or fails with the reason.
/// </summary>
internal sealed partial class GitHubWriteBack(ApplicationChoices choices, GitHubConnection github, RunLinks links, TimeProvider time, ILogger<GitHubWriteBack> logger)
    : IWriteBackMerge
{
    public async Task<GitWriteResult?> MergeAsync(Application app, string branch, string title, string change, RunStepKey step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (choices.For(app).GitHubRepository is null)
        {
            return null;
        }

        var pulls = github.PullRequests.Value;
        var settings = github.PullRequestOptions;
        var opened = await pulls.OpenAsync(app, new PullRequestProposal(branch, title, change, links.Run(step.RunId)));
        LogOpened(logger, opened.Number, app.Name, opened.HtmlUrl, settings.AutoMerge);
        var deadline = time.GetUtcNow() + settings.MergeTimeout;
        while (true)
        {
            if (await MergedAsync(app, opened, settings.AutoMerge) is { } sha)
            {
                return new GitWriteResult(sha, GitWriteOutcome.Committed);
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new GitOperationException(
                    $"Pull request #{opened.Number} ({opened.HtmlUrl}) was not merged within {settings.MergeTimeout} (GitOps:GitHub:PullRequests:MergeTimeout); the image was not deployed.");
            }

            await Task.Delay(settings.PollInterval, time, cancellationToken);
        }
    }

    private async Task<string?> MergedAsync(Application app, OpenedPullRequest opened, bool autoMerge)
    {
        var pulls = github.PullRequests.Value;
        if (!autoMerge)
        {
            return await pulls.MergedShaAsync(app, opened.Number);
        }

        var attempt = await pulls.MergeIfChecksPassedAsync(app, opened.Number);
        return attempt.Outcome switch
        {
            MergeOutcome.Merged => attempt.Detail,
            MergeOutcome.AlreadyMerged => await pulls.MergedShaAsync(app, opened.Number),
            MergeOutcome.ChecksFailed => throw new GitOperationException($"Pull request #{opened.Number} ({opened.HtmlUrl}) was not merged: checks {attempt.Detail}."),
            _ => null,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened pull request #{Number} for {Application}: {Url} (auto-merge {AutoMerge})")]
    private static partial void LogOpened(ILogger logger, int number, string application, string url, bool autoMerge);
}
