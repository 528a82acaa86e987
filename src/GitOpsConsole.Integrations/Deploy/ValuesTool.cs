using System.Text;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Helm.ImageTags;
using GitOpsConsole.Helm.ValuesEditing;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary>
/// The image updater's write-back: a byte-preserving edit of the tag in the values file, committed as
/// <c>deploy(app): image:tag</c> with the run's trailers and <c>[skip ci]</c> (the commit changes deployment
/// state, not code), pushed with fetch-rebase-retry by <see cref="IGitWriter"/>. In
/// <see cref="WriteBackMode.PullRequest"/> mode the commit goes to a branch of the run's own and is then merged.
/// </summary>
public sealed class ValuesTool(IGitWriter writer, IGitReader reader, IWriteBackMerge? hostMerge = null) : IValuesTool
{
    public async Task<GitChange> SetImageTagAsync(Application app, string image, string tag, RunStepKey step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(step);
        // A policy's digest pick is tag@sha256:…; the grammar check is the same one the values edit applies.
        ImageTagValue.Validate(tag);
        var path = ConsoleAuthor.ValuesPath(app);
        string? previous = null;
        var edits = new Dictionary<string, Func<byte[]?, byte[]?>>(StringComparer.Ordinal)
        {
            [path] = current =>
            {
                var yaml = current is null
                    ? throw new GitOperationException($"{path} does not exist on {app.Branch}; the image tag has nowhere to go.")
                    : Encoding.UTF8.GetString(current);
                previous = ValuesEditor.GetScalar(yaml, YamlPath.Parse(app.ImageTagPath));
                var edited = ValuesEditor.SetImageTag(yaml, app.ImageTagPath, tag);
                return edited.Changed ? edited.ToUtf8Bytes() : current;
            },
        };

        var message = $"deploy({app.Name}): {image}:{tag}\n\n[skip ci]";
        var result = await WriteAsync(app, edits, message, $"Sets `{app.ImageTagPath}` in `{path}` to `{tag}`: deploys {image}:{tag}.", step, cancellationToken);
        return Change(result, $"{path} {app.ImageTagPath} {previous} → {tag}", $"{path} already sets {app.ImageTagPath} to {tag}; nothing to commit");
    }

    public async Task<GitChange> SetValueAsync(Application app, string file, string yamlPath, string value, RunStepKey step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(value);
        var path = ChartEdits.ChartFile(app, file);
        // A malformed path is refused before the repository is touched.
        YamlPath.Parse(yamlPath);
        string? previous = null;
        var edits = new Dictionary<string, Func<byte[]?, byte[]?>>(StringComparer.Ordinal)
        {
            [path] = ChartEdits.SetScalar(path, yamlPath, ChartEdits.Typed(value), app.Branch, p => previous = p),
        };
        var message = $"config({app.Name}): set {yamlPath} to {value} in {path}\n\n[skip ci]";
        var result = await WriteAsync(app, edits, message, $"Sets `{yamlPath}` in `{path}` to `{value}`.", step, cancellationToken);
        return Change(result, $"{path} {yamlPath} {previous} → {value}", $"{path} already sets {yamlPath} to {value}; nothing to commit");
    }

    public async Task<GitChange> BumpChartVersionAsync(Application app, SemverPart part, RunStepKey step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(step);
        var path = ChartEdits.ChartFile(app, "Chart.yaml");
        string? previous = null;
        string? bumped = null;
        var edits = new Dictionary<string, Func<byte[]?, byte[]?>>(StringComparer.Ordinal)
        {
            [path] = current =>
            {
                var version = current is null
                    ? throw new GitOperationException($"{path} does not exist on {app.Branch}: {app.Name} is not a Helm chart.")
                    : ValuesEditor.GetScalar(Encoding.UTF8.GetString(current), YamlPath.Parse("version"));
                bumped = ChartEdits.Bump(version, part);
                return ChartEdits.SetScalar(path, "version", ScalarValue.FromString(bumped), app.Branch, p => previous = p)(current);
            },
        };
        // The message names the part only: the version is read at commit time, after any rebase onto a moved branch.
        var message = $"chart({app.Name}): bump {part.ToString().ToLowerInvariant()} version\n\n[skip ci]";
        var result = await WriteAsync(app, edits, message, $"Bumps the {part.ToString().ToLowerInvariant()} version of `{path}`.", step, cancellationToken);
        return Change(result, $"{path} version {previous} → {bumped}", $"{path} is unchanged");
    }

    private Task<GitWriteResult> WriteAsync(Application app, Dictionary<string, Func<byte[]?, byte[]?>> edits, string message, string change, RunStepKey step, CancellationToken cancellationToken) =>
        app.WriteBack == WriteBackMode.PullRequest
            ? ThroughBranchAsync(app, edits, message, change, step, cancellationToken)
            : writer.CommitFileChangesAsync(app.Name, app.Branch, edits, message, ConsoleAuthor.Signature, ConsoleAuthor.Trailers(step), cancellationToken);

    private static GitChange Change(GitWriteResult result, string committed, string unchanged)
    {
        var outcome = ConsoleAuthor.Outcome(result.Outcome);
        var summary = outcome switch
        {
            GitChangeOutcome.Committed => $"Committed {CommitSha.Abbreviate(result.Sha)}: {committed}",
            GitChangeOutcome.AlreadyDone => $"Already committed earlier in this run: {CommitSha.Abbreviate(result.Sha)}",
            _ => unchanged,
        };
        return new GitChange(result.Sha, outcome, summary);
    }

    /// <summary>
    /// Pull-request mode: <c>gitops/&lt;app&gt;/&lt;run&gt;</c> from the branch tip, the edit committed there, then
    /// merged by the Git host (a GitHub pull request) or here (fast-forward when the branch has not moved).
    /// A retry finds the merged commit by its trailers.
    /// </summary>
    private async Task<GitWriteResult> ThroughBranchAsync(
        Application app, Dictionary<string, Func<byte[]?, byte[]?>> edits, string message, string change, RunStepKey step, CancellationToken cancellationToken)
    {
        var trailers = ConsoleAuthor.Trailers(step);
        if (await reader.FindCommitByTrailersAsync(app.Name, app.Branch, trailers, cancellationToken) is { } merged)
        {
            return new GitWriteResult(merged.Sha, GitWriteOutcome.AlreadyDone);
        }

        var branch = $"gitops/{app.Name}/{step.RunId:N}";
        if (!await BranchExistsAsync(app, branch, cancellationToken))
        {
            await writer.CreateBranchAndPushAsync(app.Name, branch, app.Branch, cancellationToken);
        }

        var edit = await writer.CommitFileChangesAsync(app.Name, branch, edits, message, ConsoleAuthor.Signature, trailers, cancellationToken);
        if (edit.Outcome == GitWriteOutcome.NoChange)
        {
            return edit;
        }

        if (hostMerge is not null && await hostMerge.MergeAsync(app, branch, message.Split('\n')[0], change, step, cancellationToken) is { } byHost)
        {
            return byHost;
        }

        return await writer.MergeAsync(app.Name, branch, app.Branch, $"Merge {branch}: {message.Split('\n')[0]}\n\n[skip ci]", ConsoleAuthor.Signature, trailers, cancellationToken);
    }

    private async Task<bool> BranchExistsAsync(Application app, string branch, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ResolveAsync(app.Name, branch, cancellationToken);
            return true;
        }
        catch (GitOperationException)
        {
            return false;
        }
    }
}
