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
/// build of a commit is found again. The image comes from the run's <c>gitops-image</c> artifact. A run is followed by
/// polling with back-off, and at once when a <c>workflow_run</c> webhook about it arrives (<see cref="WorkflowRunSignals"/>).
/// </summary>
public sealed class GitHubActionsCi(IGitHubClient client, GitHubActionsOptions options, TimeProvider time, Func<Application, GitHubRepository>? repositoryOf = null,
    WorkflowRunSignals? signals = null) : ICiTool
{
    private readonly Func<Application, GitHubRepository> _repositoryOf = repositoryOf ?? (a => GitHubRepository.Parse(a.RepositoryUrl));
    private readonly WorkflowRunSignals _signals = signals ?? new WorkflowRunSignals();

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
        var interval = options.PollInterval;
        CiBuildState? last = null;
        while (true)
        {
            var delivered = long.TryParse(buildId, out var id) ? _signals.NextAsync(id) : Task.CompletedTask;
            var build = await GetBuildAsync(app, buildId, cancellationToken);
            var now = time.GetUtcNow();
            if (build.IsFinished || now >= deadline)
            {
                return build;
            }

            // Back-off only while nothing changes: a run that just started moving is read again soon.
            interval = build.State == last ? Backoff(interval) : options.PollInterval;
            last = build.State;
            await SleepAsync(delivered, interval < deadline - now ? interval : deadline - now, cancellationToken);
        }
    }

    private TimeSpan Backoff(TimeSpan interval) =>
        interval * 2 < options.MaxPollInterval ? interval * 2 : options.MaxPollInterval;

    /// <summary>Until the poll interval passes or a workflow_run delivery about the run arrives, whichever is first.</summary>
    private async Task SleepAsync(Task delivered, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(interval, time, stop.Token), delivered);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
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
        var id = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (state is CiBuildState.Queued or CiBuildState.Running)
        {
            _signals.Follow(run.Id);
            return new CiBuild(id, commit, state, null, null, null, [$"Run: {run.HtmlUrl}"], run.HtmlUrl, []);
        }

        _signals.Forget(run.Id);
        var jobs = await WorkflowJobs.ListAsync(client, repository, run.Id);
        IReadOnlyList<string> log = [$"Run: {run.HtmlUrl}", .. jobs.Select(j => $"{j.Name}: {j.Conclusion} {j.Url}")];
        if (state != CiBuildState.Succeeded)
        {
            return new CiBuild(id, commit, state, null, null, $"Workflow run {run.Id} ended {run.Conclusion?.StringValue}: see {run.HtmlUrl}", log, run.HtmlUrl, jobs);
        }

        var image = await ImageArtifact.ReadAsync(client, repository, run.Id, options.ImageArtifact);
        return new CiBuild(id, commit, state, image?.Image, image?.Digest,
            image is null ? $"Workflow run {run.Id} succeeded but uploaded no '{options.ImageArtifact}' artifact with image.json: the console cannot tell which image it built" : null,
            log, run.HtmlUrl, jobs);
    }
}
