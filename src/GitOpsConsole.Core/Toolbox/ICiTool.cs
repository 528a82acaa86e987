using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>ci.trigger_build</c> and <c>ci.get_build</c>: the CI system that turns a commit into an image.</summary>
public interface ICiTool
{
    /// <summary>Starts a build of the commit, or returns the build of that commit that already exists.</summary>
    Task<CiBuild> TriggerBuildAsync(Application app, string commit, CancellationToken cancellationToken = default);

    Task<CiBuild> GetBuildAsync(Application app, string buildId, CancellationToken cancellationToken = default);

    /// <summary>The build once finished; after <paramref name="timeout"/> the build as it is then (not finished).</summary>
    Task<CiBuild> WaitForBuildAsync(Application app, string buildId, TimeSpan timeout, CancellationToken cancellationToken = default);
}

public enum CiBuildState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}

/// <summary>
/// A build as the engines see it. <see cref="Image"/> is the pushed reference <c>repository:tag</c>; <see cref="Url"/> and
/// <see cref="Jobs"/> are the CI's own pages (GitHub Actions' run and job logs) when it has them.
/// </summary>
public sealed record CiBuild(string Id, string Commit, CiBuildState State, string? Image, string? Digest, string? Error, IReadOnlyList<string> LogTail,
    string? Url = null, IReadOnlyList<CiJob>? Jobs = null)
{
    public bool IsFinished => State is not (CiBuildState.Queued or CiBuildState.Running);
}

/// <summary>One job of a build with its log page; <see cref="Conclusion"/> is the CI's word (success, failure, skipped…) or its status while it runs.</summary>
public sealed record CiJob(string Name, string Conclusion, string? Url);
