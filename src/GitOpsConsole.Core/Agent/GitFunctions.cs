using GitOpsConsole.Core.Domain;
using System.ComponentModel;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>values_set_image_tag</c>, <c>git_revert</c>, <c>git_diff</c> and <c>git_read_file</c>: every change is a commit in the deployment repository.</summary>
internal static class GitFunctions
{
    public static IEnumerable<KernelFunction> Create(IValuesTool values, IGitTool git, AgentRunContext context)
    {
        yield return AgentToolbox.Function("values_set_image_tag",
            "Deploys an image tag the GitOps way: sets the image tag in the application's Helm values file, commits and pushes. Returns the commit SHA and whether it is new (Committed), found again (AlreadyDone) or unnecessary (NoChange: Git already had that tag).",
            mutates: true,
            async ([Description("The image tag to deploy, e.g. the tag of the image CI built.")] string tag,
                [Description("The image repository the tag belongs to (the image CI built, without ':tag'); default: the application's image repository.")] string? repository = null,
                CancellationToken ct = default) =>
            {
                var app = context.Application;
                var change = await values.SetImageTagAsync(app, repository ?? app.ImageRepository ?? app.Name, OciTag.ValidateTag(tag), context.StepKey, ct);
                return new ToolOutput(change, change.Summary);
            });

        yield return AgentToolbox.Function("git_revert",
            "Rolls back the GitOps way: pushes a commit that reverts the given commit on the application's branch. Sync afterwards to apply it. Returns the revert commit SHA.",
            mutates: true,
            async ([Description("The full SHA of the commit to revert, e.g. the deploy commit values_set_image_tag made.")] string commit, CancellationToken ct) =>
            {
                var change = await git.RevertAsync(context.Application, commit, context.StepKey, ct);
                return new ToolOutput(change, change.Summary);
            });

        yield return AgentToolbox.Function("git_diff",
            "Shows the unified diff of the deployment repository between two revisions (commit SHAs or branch names).",
            mutates: false,
            async ([Description("The older revision.")] string from, [Description("The newer revision.")] string to, CancellationToken ct) =>
            {
                var diff = await git.DiffAsync(context.Application, from, to, ct);
                return new ToolOutput(diff, $"Diff {CommitSha.Abbreviate(from)}..{CommitSha.Abbreviate(to)}: {diff.Split('\n').Length} lines");
            });

        yield return AgentToolbox.Function("git_read_file",
            "Reads one file of the deployment repository at a revision, e.g. the Helm values file before changing it. Returns the path, the revision and the text.",
            mutates: false,
            async ([Description("The file's path from the repository root, e.g. chart/values.yaml.")] string path,
                [Description("The commit SHA or branch to read at; default: the application's branch.")] string? @ref = null,
                CancellationToken ct = default) =>
            {
                var app = context.Application;
                var revision = string.IsNullOrWhiteSpace(@ref) ? app.Branch : @ref;
                var text = await git.ReadFileAsync(app, path, revision, ct);
                return new ToolOutput(new { path, revision, text }, $"Read {path} at {CommitSha.Abbreviate(revision)}: {text.Split('\n').Length} lines");
            });
    }
}
