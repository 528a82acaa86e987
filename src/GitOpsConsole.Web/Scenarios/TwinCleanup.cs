using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Data.Scenarios;
using GitOpsConsole.Web.Applications;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Keeps the twins of the newest <c>GitOps:Scenarios:KeepTwinRuns</c> lab runs and removes the others: retired in the
/// store (their runs stay for the Compare page), forgotten by the console, and their sandbox repository, registry
/// repository and namespace deleted. A twin with a run still queued or running is left for the next cleanup.
/// </summary>
internal sealed partial class TwinCleanup(
    ScenarioRunStore scenarioRuns, ApplicationCatalog catalog, RunStore runs, ApplicationRegistration registration, SandboxRuntime sandbox,
    IOptions<GitOpsOptions> options, IHostApplicationLifetime lifetime, ILogger<TwinCleanup> logger) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Cleans up in the background (a lab run must not wait for it); failures are logged.</summary>
    public void Start() => _ = Task.Run(async () =>
    {
        try
        {
            await CleanAsync(lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    });

    /// <summary>At a lab run: retires expired twins and deletes their worlds.</summary>
    public async Task CleanAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await RetireExpiredAsync(atStart: false, cancellationToken);
            await DeleteRetiredWorldsAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>
    /// At start, before the engines and the operator: retires expired twins and makes the kept ones known again to the
    /// console's in-memory lists (their rows are already stored).
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await RetireExpiredAsync(atStart: true, cancellationToken);
        var kept = (await catalog.ListAsync(cancellationToken)).Where(a => a.Origin == ApplicationOrigin.ScenarioTwin).Select(TwinWorlds.OptionsOf).ToList();
        registration.Restore(kept);
    }

    /// <summary>Deletes the sandbox worlds of retired twins that still have one (at start, once the sandbox runs).</summary>
    public async Task DeleteRetiredWorldsAsync(CancellationToken cancellationToken)
    {
        if (!sandbox.IsRunning)
        {
            return;
        }

        var retired = await catalog.ListRetiredTwinsAsync(cancellationToken);
        foreach (var twin in retired.Where(t => sandbox.World!.Git.Exists(t.Name)))
        {
            try
            {
                await sandbox.Client!.CoreV1.DeleteNamespaceAsync(twin.Namespace, cancellationToken: cancellationToken);
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Never synced, or deleted by hand.
            }

            await sandbox.World!.RemoveApplicationAsync(twin.Name);
            LogDeleted(logger, twin.Name);
        }
    }

    private async Task RetireExpiredAsync(bool atStart, CancellationToken cancellationToken)
    {
        var twins = (await catalog.ListAsync(cancellationToken)).Where(a => a.Origin == ApplicationOrigin.ScenarioTwin).ToList();
        if (twins.Count == 0)
        {
            return;
        }

        var expired = TwinRetention.Expired(await scenarioRuns.ListAsync(cancellationToken), twins.Select(t => t.Name), options.Value.Scenarios.KeepTwinRuns, atStart);
        var busy = (await runs.ApplicationsWithActiveRunsAsync(cancellationToken)).ToHashSet();
        foreach (var twin in twins.Where(t => expired.Contains(t.Name) && !busy.Contains(t.Id)))
        {
            await registration.RemoveAsync(twin.Name, cancellationToken);
        }
    }

    public void Dispose() => _one.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scenario twin {Twin}: repository, registry repository and namespace deleted")]
    private static partial void LogDeleted(ILogger logger, string twin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up old scenario twins failed; the next lab run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
