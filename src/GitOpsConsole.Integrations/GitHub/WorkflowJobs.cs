using GitOpsConsole.Core.Toolbox;
using Octokit;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>The jobs of a workflow run with their log pages, every page of them (GitHub answers 30 per page unless asked).</summary>
internal static class WorkflowJobs
{
    private const int PageSize = 100;

    public static async Task<IReadOnlyList<CiJob>> ListAsync(IGitHubClient client, GitHubRepository repository, long runId)
    {
        var response = await client.Actions.Workflows.Jobs.List(repository.Owner, repository.Name, runId, new WorkflowRunJobsRequest(), new ApiOptions { PageSize = PageSize });
        return [.. response.Jobs.Select(j => new CiJob(j.Name, j.Conclusion?.StringValue ?? j.Status.StringValue, j.HtmlUrl))];
    }
}
