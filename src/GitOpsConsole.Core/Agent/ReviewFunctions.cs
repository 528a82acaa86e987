using System.ComponentModel;
using System.Text.RegularExpressions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>git_open_pull_request</c> and <c>commit_set_status</c>: what people reviewing the repository see.</summary>
internal static partial class ReviewFunctions
{
    internal const int MaxDescription = 140;

    public static IEnumerable<KernelFunction> Create(IPullRequestTool pulls, ICommitStatusTool statuses, AgentRunContext context, TimeProvider time)
    {
        var app = context.Application;
        yield return AgentToolbox.Function("git_open_pull_request",
            "PR mode: opens a pull request from a branch into the application's branch for a person to review and merge, or returns the one already open from that branch. Only for applications on GitHub. Returns its number and URL.",
            mutates: true,
            async ([Description("The branch that holds the change.")] string branch,
                [Description("One line saying what the change does.")] string title,
                [Description("What changes and why, for the reviewer.")] string description,
                CancellationToken ct) =>
            {
                var opened = await pulls.OpenAsync(app, branch, title, description, context.StepKey, ct);
                return new ToolOutput(opened, $"{(opened.Created ? "Opened" : "Found open")} pull request #{opened.Number}: {opened.Url}");
            });

        yield return AgentToolbox.Function("commit_set_status",
            $"Sets a commit status (a check beside the commit on the Git host) of context {Context(app)}: pending, success, failure or error, with a short description.",
            mutates: true,
            async ([Description("The full 40-character commit SHA.")] string commit,
                [Description("pending, success, failure or error.")] string state,
                [Description("What the status means, at most 140 characters.")] string description,
                CancellationToken ct) =>
            {
                var report = new CommitStatusReport(ParseState(state), Context(app), ValidDescription(description), time.GetUtcNow());
                var sha = ValidCommit(commit);
                // A host without a status API would take the call and keep nothing: the model is told so instead.
                if (!statuses.Reports(app))
                {
                    throw new InvalidOperationException($"{app.Name}'s Git host keeps no commit statuses (no status API is configured for {app.RepositoryUrl}); nothing was set.");
                }

                await statuses.SetStatusAsync(app, sha, report, ct);
                return new ToolOutput(report, $"Set {report.State} on {CommitSha.Abbreviate(commit)} ({report.Context})");
            });
    }

    internal static string Context(Application app) => $"gitops-console/agent/{app.Name}";

    internal static CommitState ParseState(string state) =>
        Enum.TryParse<CommitState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && state.All(char.IsAsciiLetter)
            ? parsed
            : throw new ArgumentException($"state must be pending, success, failure or error, got '{state}'.", nameof(state));

    internal static string ValidCommit(string commit) =>
        FullSha().IsMatch(commit) ? commit : throw new ArgumentException($"commit must be a full 40-character SHA, got '{commit}'.", nameof(commit));

    internal static string ValidDescription(string description) =>
        description.Length <= MaxDescription ? description : throw new ArgumentException($"description must be at most {MaxDescription} characters, got {description.Length}.", nameof(description));

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
