using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Runs;

/// <summary><c>commit.status</c> and <c>commit.set_status</c> on the sandbox Git host's status store.</summary>
internal sealed class SandboxCommitStatusTool(SandboxRuntime sandbox) : ICommitStatusTool
{
    public Task SetStatusAsync(Application app, string commit, CommitStatusReport status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        Store().Add(SandboxRepository.Of(app), commit, new SandboxCommitStatus(status.State.ToString().ToLowerInvariant(), status.Context, status.Description, status.CreatedAt));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CommitStatusReport>> GetStatusesAsync(Application app, string commit, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CommitStatusReport> statuses = [.. Store().List(SandboxRepository.Of(app), commit)
            .Select(s => new CommitStatusReport(Enum.Parse<CommitState>(s.State, ignoreCase: true), s.Context, s.Description, s.CreatedAt))
            .Reverse().DistinctBy(s => s.Context)];
        return Task.FromResult(statuses);
    }

    private CommitStatusStore Store() => sandbox.World?.Statuses
        ?? throw new InvalidOperationException("The sandbox Git host is not running (the sandbox is off or failed to start).");
}

/// <summary>The sandbox repository an application deploys from (<c>sandbox:&lt;name&gt;</c>).</summary>
internal static class SandboxRepository
{
    public static string Of(Application app) =>
        app.RepositoryUrl.StartsWith("sandbox:", StringComparison.Ordinal)
            ? app.RepositoryUrl["sandbox:".Length..]
            : throw new InvalidOperationException($"{app.Name} deploys from {app.RepositoryUrl}, which is not a sandbox repository: the console has no CI or status API configured for it.");
}
