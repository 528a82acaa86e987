using System.Text.Json;
using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>
/// After the deploy commit is synced and Healthy: compare the live cluster with that commit. A difference the
/// commit does not explain (someone changed the cluster meanwhile) is asked about — keep Git (sync again) or
/// stop — once; a difference that survives the re-sync goes to a person.
/// </summary>
internal static class DriftCheck
{
    public const string KeepGit = "keep Git";
    public const string Stop = "stop";

    /// <summary>The next move, or null when the cluster equals the deploy commit; <paramref name="asked"/> says what the person decided.</summary>
    public static PlannerMove? Next(PlannerView view, string deployCommit, PlannerObservation health, List<AgentDecision> decisions)
    {
        var earlier = view.Observations.LastOrDefault(o => o.Function == "human_ask" && o.Index < health.Index && IsDriftQuestion(o));
        if (earlier is not null)
        {
            decisions.Add(new AgentDecision($"Synced {CommitSha.Abbreviate(deployCommit)} again", $"the live cluster differed from Git and {Who(earlier)} answered '{KeepGit}'"));
        }

        var diff = view.Observations.FirstOrDefault(o => o.Function == "operator_diff" && o.Index > health.Index);
        if (diff is null)
        {
            return PlannerMove.Call($"Healthy. Before I call it done I compare the live cluster with {CommitSha.Abbreviate(deployCommit)}: anything else that differs was not my change.",
                "operator_diff", new KernelArguments { ["revision"] = deployCommit });
        }

        var differences = diff.Result.ValueKind == JsonValueKind.Array ? diff.Result.EnumerateArray().Select(d => d.ToString()).ToList() : [];
        if (differences.Count == 0)
        {
            return null;
        }

        var shown = string.Join("; ", differences.Take(3)) + (differences.Count > 3 ? $"; and {differences.Count - 3} more" : "");
        if (earlier is not null)
        {
            var still = $"the live cluster still differs from {CommitSha.Abbreviate(deployCommit)} after syncing it again: {shown}";
            return PlannerMove.End($"My commit is deployed, but {still}. Something keeps changing the cluster; a person has to look.", RunStatus.Escalated,
                $"Deployed at {CommitSha.Abbreviate(deployCommit)}, but {still}", [.. decisions, new AgentDecision("Escalate the drift", still)],
                "Something outside Git changes the cluster.");
        }

        var ask = view.Observations.FirstOrDefault(o => o.Function == "human_ask" && o.Index > diff.Index);
        if (ask is null)
        {
            return PlannerMove.Call($"The live cluster differs from my deploy commit in ways the commit does not explain: {shown}. Someone may have changed it on purpose, so I ask.",
                "human_ask", new KernelArguments
                {
                    ["question"] = $"After syncing {CommitSha.Abbreviate(deployCommit)} the live cluster differs from Git: {shown}. Was this change intended? '{KeepGit}' syncs Git's state again; '{Stop}' leaves the cluster as it is and ends the run.",
                    ["choices"] = new[] { KeepGit, Stop },
                    ["defaultAnswer"] = Stop,
                });
        }

        if (string.Equals(ask.Text("answer")?.Trim(), KeepGit, StringComparison.OrdinalIgnoreCase))
        {
            return PlannerMove.Call($"{Who(ask)} wants Git's state: I sync {CommitSha.Abbreviate(deployCommit)} again.", "operator_sync", new KernelArguments { ["revision"] = deployCommit });
        }

        var left = $"the live cluster differs from {CommitSha.Abbreviate(deployCommit)} ({shown}) and {Who(ask)} answered '{ask.Text("answer")}'";
        return PlannerMove.End($"My commit is deployed and Healthy, but {left}, so I leave the cluster as it is.", RunStatus.Escalated,
            $"Deployed at {CommitSha.Abbreviate(deployCommit)}; left a live change in place: {left}", [.. decisions, new AgentDecision("Leave the live change for a person", left)],
            "The cluster differs from Git until someone syncs or changes Git.");
    }

    private static bool IsDriftQuestion(PlannerObservation ask) => ask.Argument("question")?.Contains("Was this change intended?", StringComparison.Ordinal) == true;

    private static string Who(PlannerObservation ask) => ask.Text("answeredBy") ?? "nobody (the default)";
}
