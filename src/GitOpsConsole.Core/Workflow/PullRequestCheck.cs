using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// What the workflow does for a pull request: build its head, render it and diff it against the live cluster,
/// and report the outcome as a commit status on the head. Nothing is committed or deployed.
/// </summary>
internal sealed class PullRequestCheck(WorkflowTools tools, BuildSteps builds, TimeProvider time)
{
    public async Task<RunOutcome> RunAsync(StepRecorder steps, Application app, string head, CancellationToken cancellationToken)
    {
        var context = $"gitops-console/{app.Name}";
        await SetStatusAsync(steps, app, head, CommitState.Pending, context, "Building and diffing against the cluster", cancellationToken);
        var build = await builds.BuildAsync(steps, app, head, cancellationToken);
        if (build.State != CiBuildState.Succeeded)
        {
            var failed = $"CI build {build.Id} {build.State.ToString().ToLowerInvariant()}{(build.Error is null ? "" : $": {build.Error}")}";
            await SetStatusAsync(steps, app, head, CommitState.Failure, context, failed, cancellationToken);
            return RunOutcome.Failed(failed);
        }

        var changes = await steps.RunAsync("operator.diff", new { app = app.Name, revision = head }, $"Diff {CommitSha.Abbreviate(head)} against the cluster", async ct =>
        {
            var diffs = await tools.Operator.DiffAsync(app, head, ct);
            var changed = diffs.Where(d => !d.InSync).Select(Describe).ToList();
            return new StepResult<List<string>>(changed, changed.Count == 0 ? "Merging changes nothing in the cluster" : $"Merging changes {changed.Count} objects",
                Log: string.Join('\n', changed));
        }, cancellationToken);

        var summary = $"Build {build.Image} passed; merging changes {(changes.Count == 0 ? "no objects" : $"{changes.Count} objects")}";
        await SetStatusAsync(steps, app, head, CommitState.Success, context, summary, cancellationToken);
        return RunOutcome.Succeeded(summary);
    }

    private Task<CommitState> SetStatusAsync(StepRecorder steps, Application app, string head, CommitState state, string context, string description, CancellationToken cancellationToken) =>
        steps.RunAsync("commit.set_status", new { app = app.Name, commit = head, state, context, description }, $"Mark {CommitSha.Abbreviate(head)} {state.ToString().ToLowerInvariant()}", async ct =>
        {
            await tools.CommitStatus.SetStatusAsync(app, head, new CommitStatusReport(state, context, description, time.GetUtcNow()), ct);
            return new StepResult<CommitState>(state, $"{CommitSha.Abbreviate(head)}: {state.ToString().ToLowerInvariant()} — {description}");
        }, cancellationToken);

    private static string Describe(ResourceDiff diff) =>
        $"{diff.Resource.Kind}/{diff.Resource.Name}: {diff.Kind}{(diff.Fields.Count == 0 ? "" : " " + string.Join(", ", diff.Fields.Select(f => $"{f.Path} {f.Live ?? "(absent)"} → {f.Desired}")))}";
}
