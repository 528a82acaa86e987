using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// One sync: load Git's objects; if any cannot be applied, apply none (a half-applied release is worse than
/// none); otherwise apply all in order, then prune (or report) owned objects Git no longer has, last-applied
/// kinds first.
/// </summary>
internal sealed class SyncRun(
    Application app, bool prune, DesiredStateSource desired, ObjectApplier applier, LiveStateReader reader, TimeProvider time, ILogger logger)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public async Task<SyncResult> RunAsync(string revision, CancellationToken cancellationToken)
    {
        var load = await desired.LoadAsync(app, revision, cancellationToken);
        if (load.State is null)
        {
            return Finish(load.Revision, SyncPhase.Failed, load.Error!, []);
        }

        if (load.State.HasErrors)
        {
            var refused = load.State.Objects.Select(o => o.Error is null
                ? new ResourceSyncResult(o.Key, ResourceSyncOutcome.Skipped, "not applied: other objects failed validation")
                : new ResourceSyncResult(o.Key, ResourceSyncOutcome.Failed, o.Error)).ToList();
            var errors = string.Join("; ", load.State.Objects.Select(o => o.Error).OfType<string>());
            return Finish(load.Revision, SyncPhase.Failed, $"Nothing was applied: {errors}", refused);
        }

        var results = new List<ResourceSyncResult>();
        foreach (var item in ApplyOrder.Sort(load.State.Objects, o => o.Key))
        {
            results.Add(await applier.ApplyAsync(item, cancellationToken));
        }

        string? pruneError = null;
        try
        {
            await PruneAsync(load.State, results, cancellationToken);
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            pruneError = $"Listing the objects this application owns failed, so nothing was pruned: {ex.Message}";
        }

        var failed = results.Where(r => r.Outcome == ResourceSyncOutcome.Failed).ToList();
        foreach (var failure in failed)
        {
            OperatorLog.ObjectFailed(logger, app.Name, failure.Resource, failure.Message);
        }

        if (pruneError is not null)
        {
            return Finish(load.Revision, SyncPhase.Failed, pruneError, results);
        }

        return failed.Count == 0
            ? Finish(load.Revision, SyncPhase.Succeeded, Summary(results, load.Revision!), results)
            : Finish(load.Revision, SyncPhase.Failed,
                $"{failed.Count} of {results.Count} objects failed: " + string.Join("; ", failed.Select(f => $"{f.Resource}: {f.Message}")), results);
    }

    private async Task PruneAsync(DesiredState state, List<ResourceSyncResult> results, CancellationToken cancellationToken)
    {
        var wanted = state.Objects.Select(o => o.Key).ToHashSet();
        var leftovers = (await reader.OwnedAsync(app.Name, cancellationToken)).Where(o => !wanted.Contains(o.Key));
        foreach (var owned in ApplyOrder.Sort(leftovers, o => o.Key).Reverse())
        {
            var pruned = await applier.PruneAsync(owned, prune, cancellationToken);
            if (pruned.Outcome == ResourceSyncOutcome.Pruned)
            {
                OperatorLog.Pruned(logger, app.Name, owned.Key);
            }

            results.Add(pruned);
        }
    }

    private static string Summary(List<ResourceSyncResult> results, string revision)
    {
        var counts = results.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return $"Synced to {CommitSha.Abbreviate(revision)}: {string.Join(", ", counts)}";
    }

    private SyncResult Finish(string? revision, SyncPhase phase, string message, IReadOnlyList<ResourceSyncResult> resources) =>
        new(app.Name, revision, phase, message, _started, time.GetUtcNow(), resources);
}
