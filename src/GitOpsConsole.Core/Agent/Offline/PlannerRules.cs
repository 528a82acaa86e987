using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>
/// The Offline planner's reasoning: from the event and the results so far, the next tool call or the end.
/// Build (retry once when the failure looks transient) → read the values file (two image tag fields: ask which) →
/// set the tag in Git → sync that commit → health → compare the live cluster with the commit (drift: ask);
/// Degraded → revert the deploy commit → sync → health → RolledBack, or Escalated when still unhealthy.
/// </summary>
internal static class PlannerRules
{
    public static PlannerMove Next(PlannerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var decisions = new List<AgentDecision>();
        if (view.Observations.LastOrDefault() is { Error: { } rejection } refused && rejection.StartsWith("rejected by ", StringComparison.Ordinal))
        {
            return PlannerMove.End($"A person did not approve {refused.Function}, so I stop here; I do not look for another way around a rejection.", RunStatus.Failed,
                $"Not approved: {rejection}", [new AgentDecision("Respect the rejection and stop", rejection)],
                view.Count("values_set_image_tag") > 0 ? "The deploy commit is in Git but was not synced by this run." : "Nothing was deployed; the running version is unchanged.");
        }

        if (view.Observations.LastOrDefault() is { Error: { } error } failed)
        {
            return PlannerMove.End($"The call {failed.Function} failed, and I do not guess around a failed tool.", RunStatus.Escalated,
                $"{failed.Function} failed: {error}", [new AgentDecision("Stop and hand over to a person", $"{failed.Function} answered: {error}")],
                "The deployment may be half done; check the application's sync and health.");
        }

        var deploy = view.Last("values_set_image_tag");
        return deploy is null ? BuildOrDeploy(view, decisions) : Roll(view, deploy, decisions);
    }

    private static PlannerMove BuildOrDeploy(PlannerView view, List<AgentDecision> decisions)
    {
        var repository = view.Event.GetValueOrDefault("image repository");
        if (view.Event.GetValueOrDefault("tag") is { } releasedTag)
        {
            return ValuesCheck.Deploy(view, $"The event releases image tag {releasedTag}; no build is needed. I deploy it by committing the tag to the values file.",
                releasedTag, view.Event.GetValueOrDefault("image") ?? repository);
        }

        if (view.Event.GetValueOrDefault("commit") is not { } commit)
        {
            return PlannerMove.End("The event names neither a commit to build nor an image tag, so there is nothing to deploy.", RunStatus.Failed,
                "The event names neither a commit nor an image tag", [new AgentDecision("Do nothing", "the event has no commit and no tag")]);
        }

        var build = view.Observations.LastOrDefault(o => o.Function is "ci_trigger_build" or "ci_get_build");
        if (build is null)
        {
            return PlannerMove.Call($"A push of {CommitSha.Abbreviate(commit)}: first CI has to build it into an image.", "ci_trigger_build", new KernelArguments { ["commit"] = commit });
        }

        var id = build.Text("id") ?? "";
        switch (build.Text("state"))
        {
            case "Queued" or "Running":
                return PlannerMove.Call($"Build {id} is {build.Text("state")!.ToLowerInvariant()}; I wait for it to finish.", "ci_get_build", new KernelArguments { ["buildId"] = id, ["waitSeconds"] = 600 });
            case "Succeeded" when build.Text("image") is { } image && image.LastIndexOf(':') > image.LastIndexOf('/'):
                var colon = image.LastIndexOf(':');
                return ValuesCheck.Deploy(view, $"Build {id} pushed {image}. I deploy it the GitOps way: commit tag {image[(colon + 1)..]} to the values file.",
                    image[(colon + 1)..], image[..colon]);
        }

        var log = string.Join('\n', build.Result.TryGetProperty("logTail", out var tail) ? tail.EnumerateArray().Select(l => l.ToString()) : []);
        var reason = $"build {id} {build.Text("state")?.ToLowerInvariant() ?? "ended without an image"}{(build.Text("error") is { } e ? $": {e}" : "")}";
        if (view.Count("ci_trigger_build") < 2 && TransientFailure.Match($"{build.Text("error")}\n{log}") is { } hint)
        {
            return PlannerMove.Call($"The {reason}. The log says \"{hint}\", which looks transient, so I retry the build once.", "ci_trigger_build", new KernelArguments { ["commit"] = commit });
        }

        decisions.Add(new AgentDecision("Stop without deploying", view.Count("ci_trigger_build") > 1 ? $"the retried {reason}" : $"the {reason} and the log does not look transient"));
        return PlannerMove.End($"The {reason}; nothing was deployed.", RunStatus.Failed, $"CI {reason}", decisions, "The commit is not deployed; the running version is unchanged.");
    }

    private static PlannerMove Roll(PlannerView view, PlannerObservation deploy, List<AgentDecision> decisions)
    {
        var deployCommit = deploy.Text("commitSha") ?? "";
        decisions.Add(new AgentDecision($"Deploy through Git at {CommitSha.Abbreviate(deployCommit)}", deploy.Text("summary") ?? $"values_set_image_tag answered {deploy.Text("outcome")}"));
        var revert = view.Last("git_revert");
        var problem = Settle(view, deployCommit, deploy.Index, "the new version", out var move, out var health);
        if (problem is not null)
        {
            decisions.Add(new AgentDecision("Roll back", problem));
        }

        if (revert is null)
        {
            if (move is not null || problem is null)
            {
                return move ?? DriftCheck.Next(view, deployCommit, health!, decisions) ?? PlannerMove.End($"The deploy commit {CommitSha.Abbreviate(deployCommit)} is synced and the application is Healthy.", RunStatus.Succeeded,
                    $"Deployed at {CommitSha.Abbreviate(deployCommit)}; the application is Healthy", [.. decisions, new AgentDecision("Declare success", "cluster_health answered Healthy after the sync of the deploy commit and operator_diff found the cluster equal to it")]);
            }

            if (view.Event.GetValueOrDefault("rollback on failure") == "false" || deploy.Text("outcome") == "NoChange")
            {
                var why = deploy.Text("outcome") == "NoChange" ? "Git already had this tag, so there is nothing to revert" : "rollback on failure is off for this application";
                return PlannerMove.End($"{problem}; {why}.", RunStatus.Failed, $"{problem}; {why}", decisions, "The application is not Healthy.");
            }

            return PlannerMove.Call($"{problem}. I roll back the GitOps way: revert the deploy commit {CommitSha.Abbreviate(deployCommit)} in Git.", "git_revert", new KernelArguments { ["commit"] = deployCommit });
        }

        var revertCommit = revert.Text("commitSha") ?? "";
        var after = Settle(view, revertCommit, revert.Index, "the previous version", out var next, out _);
        if (next is not null)
        {
            return next;
        }

        return after is null
            ? PlannerMove.End($"The revert {CommitSha.Abbreviate(revertCommit)} is synced and the previous version is Healthy again.", RunStatus.RolledBack,
                $"Rolled back: reverted {CommitSha.Abbreviate(deployCommit)} in {CommitSha.Abbreviate(revertCommit)} and the previous version is Healthy",
                [.. decisions, new AgentDecision($"Reverted in {CommitSha.Abbreviate(revertCommit)}", "cluster_health answered Healthy after the sync of the revert")], "The new version still has to be fixed.")
            : PlannerMove.End($"{after}, even after the rollback; a person has to look.", RunStatus.Escalated, $"The rollback did not help: {after}",
                [.. decisions, new AgentDecision("Escalate", after)], "The application is not Healthy.");
    }

    /// <summary>Sync <paramref name="commit"/> and read health after it; null problem when Healthy, else what is wrong.</summary>
    private static string? Settle(PlannerView view, string commit, int after, string what, out PlannerMove? move, out PlannerObservation? health)
    {
        move = null;
        health = null;
        var sync = view.Observations.LastOrDefault(o => o.Function == "operator_sync" && o.Index > after && o.Argument("revision") == commit);
        if (sync is null)
        {
            move = PlannerMove.Call($"Commit {CommitSha.Abbreviate(commit)} is in Git; I sync the cluster to exactly that commit.", "operator_sync", new KernelArguments { ["revision"] = commit });
            return null;
        }

        if (!sync.Flag("succeeded"))
        {
            return $"The sync of {CommitSha.Abbreviate(commit)} failed: {sync.Text("message")}";
        }

        health = view.Observations.FirstOrDefault(o => o.Function == "cluster_health" && o.Index > sync.Index);
        if (health is null)
        {
            move = PlannerMove.Call($"Synced. I wait for {what} to roll out and read its health.", "cluster_health", []);
            return null;
        }

        return health.Text("status") == "Healthy" ? null : $"After the sync of {CommitSha.Abbreviate(commit)} {what} is {health.Text("status")}: {health.Text("message")}";
    }
}
