using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary>
/// <c>values.set_image_tag</c>, <c>values.set</c> and <c>chart.bump_version</c>: byte-preserving edits of the
/// application's chart files in Git, each one commit with the run's step trailers.
/// </summary>
public interface IValuesTool
{
    /// <summary>
    /// Sets the image tag in the values file with a byte-preserving edit, commits
    /// <c>deploy(&lt;app&gt;): &lt;image&gt;:&lt;tag&gt;</c> with the run's trailers and pushes. A retried step
    /// returns the commit it made before instead of committing again.
    /// </summary>
    /// <param name="image">The image repository the tag belongs to (named in the commit message).</param>
    Task<GitChange> SetImageTagAsync(Application app, string image, string tag, RunStepKey step, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the scalar at <paramref name="yamlPath"/> in <paramref name="file"/> (a YAML file of the application's chart
    /// folder) with the same guarantees as <see cref="SetImageTagAsync"/>; a missing file or path, a non-scalar or
    /// invalid YAML is refused and nothing is committed.
    /// </summary>
    /// <param name="value">The new value: a YAML number, boolean or null is written plain, anything else as a string.</param>
    Task<GitChange> SetValueAsync(Application app, string file, string yamlPath, string value, RunStepKey step, CancellationToken cancellationToken = default);

    /// <summary>Bumps the semver <c>version</c> of the chart's <c>Chart.yaml</c> (pre-release and build parts are dropped), same guarantees.</summary>
    Task<GitChange> BumpChartVersionAsync(Application app, SemverPart part, RunStepKey step, CancellationToken cancellationToken = default);
}

/// <summary>Which part of a semantic version a bump increments (the parts after it restart at 0).</summary>
public enum SemverPart
{
    Major,
    Minor,
    Patch,
}

/// <summary>Identifies one mutating step of one run: it goes into the commit's trailers so a retry finds its earlier commit.</summary>
public sealed record RunStepKey(Guid RunId, string Step);

/// <summary>What a Git write did: the commit, whether it is new, and one line for people.</summary>
public sealed record GitChange(string CommitSha, GitChangeOutcome Outcome, string Summary);

public enum GitChangeOutcome
{
    Committed,
    /// <summary>The same step committed before (found by its trailers).</summary>
    AlreadyDone,
    /// <summary>Git already says so; nothing was committed and the branch tip is returned.</summary>
    NoChange,
}
