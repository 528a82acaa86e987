using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>The two CI steps every workflow starts with: trigger the build of a commit, then wait for it (bounded).</summary>
internal sealed class BuildSteps(ICiTool ci, WorkflowSettings settings)
{
    public async Task<CiBuild> BuildAsync(StepRecorder steps, Application app, string commit, CancellationToken cancellationToken)
    {
        var short7 = CommitSha.Abbreviate(commit);
        var started = await steps.MutateAsync("ci.trigger_build", new { app = app.Name, commit }, $"Build {app.Name}@{short7}", async ct =>
        {
            var build = await ci.TriggerBuildAsync(app, commit, ct);
            // Said at trigger time: a build still queued or running is "started"; one that already ended is reused as it is.
            var state = build.State.ToString().ToLowerInvariant();
            return new StepResult<CiBuild>(build, build.IsFinished
                ? $"CI build of {app.Name}@{short7} already {state}"
                : $"CI build of {app.Name}@{short7} started");
        }, cancellationToken);

        return await steps.RunAsync("ci.get_build", new { buildId = started.Id }, $"Waiting for the CI build of {short7}", async ct =>
        {
            var build = await ci.WaitForBuildAsync(app, started.Id, settings.BuildTimeout, ct);
            var log = string.Join('\n', build.LogTail);
            return build.State switch
            {
                CiBuildState.Succeeded => new StepResult<CiBuild>(build, $"Built {build.Image}", Log: log),
                _ when !build.IsFinished => new StepResult<CiBuild>(build with { State = CiBuildState.TimedOut, Error = $"not finished after {Durations.Describe(settings.BuildTimeout)}" },
                    $"Build {build.Id} did not finish in {Durations.Describe(settings.BuildTimeout)}", StepStatus.Failed, log),
                _ => new StepResult<CiBuild>(build, $"Build {build.Id} {build.State.ToString().ToLowerInvariant()}{(build.Error is null ? "" : $": {build.Error}")}", StepStatus.Failed, log),
            };
        }, cancellationToken);
    }
}
