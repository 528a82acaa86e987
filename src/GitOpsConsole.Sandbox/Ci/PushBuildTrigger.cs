using GitOpsConsole.Sandbox.Git;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// Starts a build for every pushed branch or tag tip. A tag push rebuilds a commit whose earlier
/// build failed, because a gitTag-rule build of the branch push fails until the tag exists. A head
/// commit whose message says <c>[skip ci]</c> (GitHub Actions' convention, which deploy commits use)
/// is not built.
/// </summary>
internal sealed partial class PushBuildTrigger(CiRunner runner, ILogger logger)
{
    public async Task RunAsync(IAsyncEnumerable<GitPush> pushes)
    {
        await foreach (var push in pushes)
        {
            var isTag = push.Ref.StartsWith("refs/tags/", StringComparison.Ordinal);
            if (push.IsDeletion || !(isTag || push.Ref.StartsWith("refs/heads/", StringComparison.Ordinal)) || SkipsCi(push))
            {
                continue;
            }
            try
            {
                var build = runner.Trigger(push.Repository, push.After, rebuild: isTag);
                LogTriggered(logger, build.Id, push.Repository, push.Ref);
            }
            catch (Exception ex) when (ex is ArgumentException or ObjectDisposedException or LibGit2Sharp.LibGit2SharpException)
            {
                LogNotTriggered(logger, push.Repository, push.Ref, ex);
            }
        }
    }

    private static bool SkipsCi(GitPush push) =>
        push.Commits.Count > 0 && push.Commits[^1].Message.Contains("[skip ci]", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Build {BuildId} triggered by a push to {Repository} {Ref}")]
    private static partial void LogTriggered(ILogger logger, string buildId, string repository, string @ref);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No build for the push to {Repository} {Ref}")]
    private static partial void LogNotTriggered(ILogger logger, string repository, string @ref, Exception exception);
}
