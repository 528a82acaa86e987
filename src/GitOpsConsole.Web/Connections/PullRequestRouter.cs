using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.GitHub;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// <c>git.open_pull_request</c>: on GitHub through the same pull-request client PR write-back uses; the sandbox Git
/// host and other hosts have no pull requests, so they answer with an error instead of pretending.
/// </summary>
internal sealed class PullRequestRouter(ApplicationChoices choices, GitHubConnection github, RunLinks links) : IPullRequestTool
{
    public async Task<PullRequestLink> OpenAsync(Application app, string branch, string title, string description, RunStepKey step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(step);
        if (choices.For(app).GitHubRepository is null)
        {
            throw new InvalidOperationException($"PR mode needs a GitHub repository: {app.Name} deploys from {app.RepositoryUrl}, whose host has no pull requests (set GitOps:Applications:<n>:GitHubRepository).");
        }

        if (branch == app.Branch)
        {
            throw new ArgumentException($"A pull request into {app.Branch} cannot come from {app.Branch} itself; name the branch that holds the change.", nameof(branch));
        }

        var opened = await github.PullRequests.Value.OpenAsync(app, new PullRequestProposal(branch, title, description, links.Run(step.RunId)));
        return new PullRequestLink(opened.Number, opened.HtmlUrl, opened.Created);
    }
}
