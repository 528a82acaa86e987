using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Runs;

/// <summary><c>ci.*</c> on the sandbox CI runner: builds of <c>sandbox:&lt;name&gt;</c> repositories.</summary>
internal sealed class SandboxCiTool(SandboxRuntime sandbox, TimeProvider time) : ICiTool
{
    private const int LogTailLines = 40;

    public Task<CiBuild> TriggerBuildAsync(Application app, string commit, CancellationToken cancellationToken = default)
    {
        // rebuild: a commit whose earlier build failed or was interrupted is built again, like a CI's "re-run".
        var build = Runner().Trigger(SandboxRepository.Of(app), commit, rebuild: true);
        return Task.FromResult(ToCiBuild(build));
    }

    public Task<CiBuild> GetBuildAsync(Application app, string buildId, CancellationToken cancellationToken = default) =>
        Task.FromResult(ToCiBuild(Runner().Get(buildId) ?? throw new ArgumentException($"Unknown build '{buildId}'.", nameof(buildId))));

    public async Task<CiBuild> WaitForBuildAsync(Application app, string buildId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var runner = Runner();
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return ToCiBuild(await runner.WaitAsync(buildId, linked.Token));
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ToCiBuild(runner.Get(buildId)!);
        }
    }

    private CiRunner Runner() => sandbox.World?.Ci
        ?? throw new InvalidOperationException("The sandbox CI is not running (the sandbox is off or failed to start).");

    private CiBuild ToCiBuild(BuildRecord build) => new(
        build.Id, build.Commit, Enum.Parse<CiBuildState>(build.Status.ToString()), build.Image, build.ImageDigest, build.Error,
        build.IsFinished ? Runner().ReadLogTail(build.Id, LogTailLines) : []);
}
