using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// The predefined pipeline: build the commit (or take the released image), commit the new tag to the values
/// file, sync exactly that commit, wait for Healthy; when the new version is Degraded, fails to sync or times
/// out, revert the deploy commit in Git and sync back (RollbackOnFailure). Every change is checked against policy
/// first (<see cref="WorkflowPolicy"/>: freeze windows, approval). Every step goes through the journal,
/// so a restarted run replays what it did and continues where it stopped.
/// </summary>
public sealed class WorkflowEngine(WorkflowTools tools, WorkflowSettings settings, ITagSelector tagSelector, WorkflowPolicy policy, TimeProvider time)
{
    private readonly BuildSteps _builds = new(tools.Ci, settings);
    private readonly TagPolicyStep _tagPolicy = new(tools.Registry, tagSelector);
    private readonly ReleasedImageStep _released = new(tools.Registry, settings, time);

    public async Task<RunOutcome> RunAsync(Run run, Application app, TriggerEvent trigger, IRunJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(journal);
        var previous = await journal.StepsAsync(run.Id, cancellationToken);
        // A pull-request check builds but deploys nothing, so policy does not gate it; a deployment's changes are.
        var steps = new StepRecorder(journal, run.Id, previous, time) { Gate = trigger.Kind == TriggerKind.PullRequest ? null : policy.For(run, app, journal) };
        try
        {
            if (trigger.Kind == TriggerKind.PullRequest)
            {
                return await new PullRequestCheck(tools, _builds, time).RunAsync(steps, app,
                    trigger.CommitSha ?? throw new ArgumentException("The pull-request event names no head commit.", nameof(trigger)), cancellationToken);
            }

            var target = DeploymentTarget.From(trigger);
            string image, tag;
            if (target.CommitToBuild is { } commit)
            {
                var build = await _builds.BuildAsync(steps, app, commit, cancellationToken);
                if (build.State != CiBuildState.Succeeded)
                {
                    return RunOutcome.Failed($"CI build {build.Id} {build.State.ToString().ToLowerInvariant()}{(build.Error is null ? "" : $": {build.Error}")}");
                }

                tag = DeploymentTarget.TagOf(build.Image!);
                image = build.Image![..^(tag.Length + 1)];
            }
            else
            {
                tag = target.Tag!;
                image = trigger.Image ?? app.ImageRepository ?? app.Name;
            }

            string? whenUnchanged = null;
            if (ReleasedImageStep.Applies(trigger) && app.ImagePolicy is null)
            {
                tag = await _released.WaitAsync(steps, app, image, tag, cancellationToken);
            }
            else if (trigger.Kind == TriggerKind.ImageRelease && app.ImagePolicy is { } policy)
            {
                var pick = await _tagPolicy.PickAsync(steps, app, policy, image, tag, cancellationToken);
                if (pick.NewValue is not { } picked)
                {
                    return RunOutcome.Succeeded($"No newer tag by {policy}: {pick.Reason}; nothing committed");
                }

                whenUnchanged = $"No newer tag by {policy}: Git already deploys {picked}{(picked == tag ? "" : $" (the released {tag} does not qualify)")}; nothing committed";
                tag = picked;
            }

            await journal.UpdateRunAsync(run.Id, r => r.Image = $"{image}:{tag}", cancellationToken);
            return await DeployAsync(steps, run, app, image, tag, whenUnchanged, journal, cancellationToken);
        }
        catch (StepFailedException ex)
        {
            return RunOutcome.Failed(ex.Message);
        }
        catch (RunStoppedException ex)
        {
            return ex.Outcome;
        }
        catch (ArgumentException ex)
        {
            return RunOutcome.Failed(ex.Message);
        }
    }

    /// <param name="whenUnchanged">Set for a policy pick: when Git already has the tag the run ends here with this reason (no commit, no sync).</param>
    private async Task<RunOutcome> DeployAsync(StepRecorder steps, Run run, Application app, string image, string tag, string? whenUnchanged, IRunJournal journal, CancellationToken cancellationToken)
    {
        var deploy = await steps.MutateAsync("values.set_image_tag", new { app = app.Name, file = $"{app.Path}/{app.ValuesFile}", path = app.ImageTagPath, tag },
            $"Set {app.ImageTagPath} to {tag}", async ct =>
            {
                var change = await tools.Values.SetImageTagAsync(app, image, tag, new RunStepKey(run.Id, "deploy"), ct);
                return new StepResult<GitChange>(change, change.Summary);
            }, cancellationToken);
        await journal.UpdateRunAsync(run.Id, r =>
        {
            r.DeployCommitSha = deploy.CommitSha;
            r.CommitsMade = deploy.Outcome == GitChangeOutcome.NoChange ? r.CommitsMade : Math.Max(r.CommitsMade, 1);
        }, cancellationToken);
        if (deploy.Outcome == GitChangeOutcome.NoChange && whenUnchanged is not null)
        {
            return RunOutcome.Succeeded(whenUnchanged);
        }

        var health = await SyncAndWaitAsync(steps, run, app, deploy.CommitSha, cancellationToken);
        if (health.Status == HealthStatus.Healthy)
        {
            await journal.UpdateRunAsync(run.Id, r => r.HealthyAt = time.GetUtcNow(), cancellationToken);
            return RunOutcome.Succeeded($"{app.Name} runs {tag} at {CommitSha.Abbreviate(deploy.CommitSha)} and is Healthy");
        }

        var problem = $"{app.Name} {tag} was {health.Status}: {health.Message}";
        if (!app.RollbackOnFailure)
        {
            return RunOutcome.Failed($"{problem} (rollback on failure is off)");
        }

        if (deploy.Outcome == GitChangeOutcome.NoChange)
        {
            return RunOutcome.Failed($"{problem}; nothing to revert: Git already had {tag} before this run");
        }

        return await RollBackAsync(steps, run, app, deploy.CommitSha, problem, journal, cancellationToken);
    }

    private async Task<RunOutcome> RollBackAsync(StepRecorder steps, Run run, Application app, string deployCommit, string problem, IRunJournal journal, CancellationToken cancellationToken)
    {
        var revert = await steps.MutateAsync("git.revert", new { app = app.Name, commit = deployCommit }, $"Revert {CommitSha.Abbreviate(deployCommit)}", async ct =>
        {
            var change = await tools.Git.RevertAsync(app, deployCommit, new RunStepKey(run.Id, "rollback"), ct);
            return new StepResult<GitChange>(change, change.Summary);
        }, cancellationToken);
        await journal.UpdateRunAsync(run.Id, r =>
        {
            r.RollbackCommitSha = revert.CommitSha;
            r.CommitsMade = Math.Max(r.CommitsMade, 2);
        }, cancellationToken);

        var health = await SyncAndWaitAsync(steps, run, app, revert.CommitSha, cancellationToken);
        return health.Status == HealthStatus.Healthy
            ? new RunOutcome(RunStatus.RolledBack, $"{problem}; reverted in {CommitSha.Abbreviate(revert.CommitSha)} and the previous version is Healthy")
            : RunOutcome.Failed($"{problem}; the rollback {CommitSha.Abbreviate(revert.CommitSha)} is {health.Status} too: {health.Message}");
    }

    private async Task<HealthResult> SyncAndWaitAsync(StepRecorder steps, Run run, Application app, string revision, CancellationToken cancellationToken)
    {
        var sync = await steps.MutateAsync("operator.sync", new { app = app.Name, revision }, $"Sync {app.Name} to {CommitSha.Abbreviate(revision)}", async ct =>
        {
            var result = await tools.Operator.SyncAsync(app, revision, $"run:{run.Id}", ct);
            var changed = result.Resources.Count(r => r.Outcome is not ResourceSyncOutcome.Unchanged);
            return new StepResult<SyncSummary>(new SyncSummary(result.Revision, result.Succeeded, result.Message, changed, result.Resources.Count),
                result.Succeeded ? $"Synced {CommitSha.Abbreviate(revision)}: {changed} of {result.Resources.Count} objects changed" : $"Sync failed: {result.Message}",
                result.Succeeded ? StepStatus.Succeeded : StepStatus.Failed,
                string.Join('\n', result.Resources.Select(r => $"{r.Resource.Kind}/{r.Resource.Name}: {r.Outcome}{(r.Message.Length > 0 ? $" — {r.Message}" : "")}")));
        }, cancellationToken);
        if (!sync.Succeeded)
        {
            return HealthResult.Degraded($"the sync of {CommitSha.Abbreviate(revision)} failed: {sync.Message}");
        }

        var timeout = TimeSpan.FromSeconds(app.HealthTimeoutSeconds);
        return await steps.RunAsync("cluster.health", new { app = app.Name, timeoutSeconds = app.HealthTimeoutSeconds }, $"Waiting for {app.Name} to be Healthy", async ct =>
        {
            var health = await HealthWait.UntilSettledAsync(tools.Cluster, app, timeout, settings.HealthPollInterval, time, ct);
            return new StepResult<HealthResult>(health, health.Status == HealthStatus.Healthy ? $"{app.Name} is Healthy" : $"{app.Name} is {health.Status}: {health.Message}",
                health.Status == HealthStatus.Healthy ? StepStatus.Succeeded : StepStatus.Failed);
        }, cancellationToken);
    }
}

/// <summary>What a run keeps of a sync: enough for the timeline and for a resumed run to decide.</summary>
public sealed record SyncSummary(string? Revision, bool Succeeded, string Message, int Changed, int Total);
