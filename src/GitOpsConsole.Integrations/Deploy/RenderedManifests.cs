using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Helm;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Integrations.Rendering;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary>A commit as the run page shows it: who and why, and its unified diff against its first parent.</summary>
public sealed record CommitView(GitCommitInfo Commit, string Diff);

public enum ManifestLineKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record ManifestDiffLine(ManifestLineKind Kind, string Text);

/// <summary>The desired objects before (the commit's parent) and after a commit, as <c>helm template</c> prints them, line by line.</summary>
public sealed record ManifestDiff(string? Before, string After, IReadOnlyList<ManifestDiffLine> Lines, string? Error)
{
    public bool HasChanges => Lines.Any(l => l.Kind != ManifestLineKind.Unchanged);
}

/// <summary>
/// Read-only views of what a run's commits changed: the files (unified diff) and the objects the operator applies
/// (the chart rendered at the commit's parent and at the commit, diffed). A commit's parent is looked up in the
/// mirror rather than assumed, because the image updater may have rebased its commit onto a newer tip.
/// </summary>
public sealed class RenderedManifests(GitMirrorCache mirrors, IGitReader git, IChartRenderer renderer)
{
    public async Task<CommitView> CommitAsync(Application app, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var commit = await mirrors.RunAsync(app.Name, s => RevisionResolver.Resolve(s, sha).ToInfo(), cancellationToken);
        var diff = commit.Parents.Count == 0 ? "" : await git.DiffAsync(app.Name, commit.Parents[0], commit.Sha, cancellationToken: cancellationToken);
        return new CommitView(commit, diff);
    }

    /// <summary>Renders the application's folder at the commit's parent and at the commit; a render failure is reported, not thrown.</summary>
    public async Task<ManifestDiff> DiffAsync(Application app, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var charts = new ChartSource(mirrors, git, renderer);
        string? parent = null;
        try
        {
            var commit = await mirrors.RunAsync(app.Name, s => RevisionResolver.Resolve(s, sha).ToInfo(), cancellationToken);
            parent = commit.Parents.Count == 0 ? null : commit.Parents[0];
            var before = parent is null ? "" : (await charts.RenderAsync(app, parent, cancellationToken)).FormatHelmOutput();
            var after = (await charts.RenderAsync(app, commit.Sha, cancellationToken)).FormatHelmOutput();
            return new ManifestDiff(parent, commit.Sha, Lines(before, after), null);
        }
        catch (ChartRenderException ex)
        {
            return new ManifestDiff(parent, sha, [], $"Rendering '{app.Path}' failed: {ex.Message}");
        }
        catch (GitOperationException ex)
        {
            return new ManifestDiff(parent, sha, [], ex.Message);
        }
    }

    private static List<ManifestDiffLine> Lines(string before, string after) =>
    [
        .. InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new ManifestDiffLine(l.Type switch
            {
                ChangeType.Inserted => ManifestLineKind.Added,
                ChangeType.Deleted => ManifestLineKind.Removed,
                _ => ManifestLineKind.Unchanged,
            }, l.Text)),
    ];
}
