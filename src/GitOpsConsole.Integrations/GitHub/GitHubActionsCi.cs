using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Toolbox;
using Octokit;
using Application = GitOpsConsole.Core.Domain.Application;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// <c>ci.*</c> on GitHub Actions. A build is a <c>workflow_dispatch</c> of the configured workflow on
/// the application's branch with the commit and a request id as inputs; the workflow's <c>run-name</c>
/// must contain both (e.g. <c>run-name: build ${{ inputs.commit }} ${{ inputs.gitops_request }}</c>), which
/// is how the run the dispatch started is found (the dispatch answer names none) and how an existing
/// build of a commit is found again. The image comes from the run's <c>gitops-image</c> artifact.
/// </summary>
public sealed class GitHubActionsCi(IGitHubClient client, GitHubActionsOptions options, TimeProvider time, Func<Application, GitHubRepository>? repositoryOf = null) : ICiTool
{
    private readonly Func<Application, GitHubRepository> _repositoryOf = repositoryOf ?? (a => GitHubRepository.Parse(a.RepositoryUrl));

    public async Task<CiBuild> TriggerBuildAsync(Application app, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var repository = _repositoryOf(app);

        // A commit built before (or being built) is not built again; a failed or cancelled one is, like a "re-run".
        var runs = await RecentRunsAsync(repository);
        if (runs.FirstOrDefault(r => r.DisplayTitle.Contains(commit, StringComparison.OrdinalIgnoreCase) && !WorkflowRunState.EndedBadly(r)) is { } earlier)
        {
            return await ToBuildAsync(repository, earlier, commit);
        }

        var request = Guid.NewGuid().ToString("N");
        var inputs = options.Inputs.ToDictionary(i => i.Key, i => (object)i.Value, StringComparer.Ordinal);
        inputs[options.CommitInput] = commit;
        inputs[options.RequestInput] = request;
        var dispatch = new CreateWorkflowDispatch(options.Ref ?? app.Branch) { Inputs = inputs };
        await client.Actions.Workflows.CreateDispatch(repository.Owner, repository.Name, options.Workflow, dispatch);
        var run = await FindStartedRunAsync(repository, request, cancellationToken);
        return await ToBuildAsync(repository, run, commit);
    }

    public async Task<CiBuild> GetBuildAsync(Application app, string buildId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!long.TryParse(buildId, out var id))
        {
            throw new ArgumentException($"'{buildId}' is not a GitHub Actions run id.", nameof(buildId));
        }

        var repository = _repositoryOf(app);
        var run = await client.Actions.Workflows.Runs.Get(repository.Owner, repository.Name, id);
        return await ToBuildAsync(repository, run, null);
    }

    public async Task<CiBuild> WaitForBuildAsync(Application app, string buildId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var build = await GetBuildAsync(app, buildId, cancellationToken);
            if (build.IsFinished || time.GetUtcNow() >= deadline)
            {
                return build;
            }

            await Task.Delay(options.PollInterval, time, cancellationToken);
        }
    }

    private async Task<WorkflowRun> FindStartedRunAsync(GitHubRepository repository, string request, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.FindRunTimeout;
        while (true)
        {
            var runs = await RecentRunsAsync(repository);
            if (runs.FirstOrDefault(r => r.DisplayTitle.Contains(request, StringComparison.Ordinal)) is { } run)
            {
                return run;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new InvalidOperationException(
                    $"Workflow {options.Workflow} of {repository} was dispatched with {options.RequestInput}={request}, but no run naming it appeared within {options.FindRunTimeout}: " +
                    $"give the workflow run-name: build ${{{{ inputs.{options.CommitInput} }}}} ${{{{ inputs.{options.RequestInput} }}}}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<WorkflowRun>> RecentRunsAsync(GitHubRepository repository)
    {
        var page = await client.Actions.Workflows.Runs.ListByWorkflow(repository.Owner, repository.Name, options.Workflow,
            new WorkflowRunsRequest { Event = "workflow_dispatch" }, new ApiOptions { PageSize = 50, PageCount = 1, StartPage = 1 });
        return page.WorkflowRuns;
    }

    private async Task<CiBuild> ToBuildAsync(GitHubRepository repository, WorkflowRun run, string? commit)
    {
        commit ??= WorkflowRunState.CommitIn(run.DisplayTitle) ?? run.HeadSha;
        var state = WorkflowRunState.Of(run);
        var jobs = state is CiBuildState.Queued or CiBuildState.Running
            ? []
            : (await client.Actions.Workflows.Jobs.List(repository.Owner, repository.Name, run.Id)).Jobs;
        IReadOnlyList<string> log = [$"Run: {run.HtmlUrl}", .. jobs.Select(j => $"{j.Name}: {j.Conclusion?.StringValue ?? j.Status.StringValue} {j.HtmlUrl}")];
        if (state != CiBuildState.Succeeded)
        {
            var error = state is CiBuildState.Queued or CiBuildState.Running ? null : $"Workflow run {run.Id} ended {run.Conclusion?.StringValue}: see {run.HtmlUrl}";
            return new CiBuild(run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), commit, state, null, null, error, log);
        }

        var image = await ImageArtifact.ReadAsync(client, repository, run.Id, options.ImageArtifact);
        return new CiBuild(run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), commit, state, image?.Image, image?.Digest,
            image is null ? $"Workflow run {run.Id} succeeded but uploaded no '{options.ImageArtifact}' artifact with image.json: the console cannot tell which image it built" : null,
            log);
    }
}
