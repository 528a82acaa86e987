using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>values.set_image_tag</c>: the image updater's write-back to the application's values file in Git.</summary>
public interface IValuesTool
{
    /// <summary>
    /// Sets the image tag in the values file with a byte-preserving edit, commits
    /// <c>deploy(&lt;app&gt;): &lt;image&gt;:&lt;tag&gt;</c> with the run's trailers and pushes. A retried step
    /// returns the commit it made before instead of committing again.
    /// </summary>
    /// <param name="image">The image repository the tag belongs to (named in the commit message).</param>
    Task<GitChange> SetImageTagAsync(Application app, string image, string tag, RunStepKey step, CancellationToken cancellationToken = default);
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
