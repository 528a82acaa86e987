using System.Collections.Concurrent;
using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// The workflow runs the console follows and the <c>workflow_run</c> deliveries about them: a delivery wakes the build
/// waiting on that run at once, so polling is only the fallback for a lost or unconfigured webhook. A run is followed from
/// the moment its unfinished state is read until it is read finished.
/// </summary>
public sealed class WorkflowRunSignals
{
    private readonly ConcurrentDictionary<long, Followed> _runs = new();

    /// <summary>Wakes the build waiting on the run; false when the console follows no such run.</summary>
    public bool Deliver(WorkflowRunUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!_runs.TryGetValue(update.RunId, out var followed))
        {
            return false;
        }

        followed.Signal();
        return true;
    }

    /// <summary>Completes at the next delivery about the run; take it before reading the run, so a delivery during the read is not missed.</summary>
    internal Task NextAsync(long runId) => _runs.GetOrAdd(runId, _ => new Followed()).Next;

    internal void Follow(long runId) => _runs.GetOrAdd(runId, _ => new Followed());

    internal void Forget(long runId)
    {
        if (_runs.TryRemove(runId, out var followed))
        {
            followed.Signal();
        }
    }

    private sealed class Followed
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next
        {
            get
            {
                lock (_gate)
                {
                    return _next.Task;
                }
            }
        }

        public void Signal()
        {
            TaskCompletionSource woken;
            lock (_gate)
            {
                woken = _next;
                _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            woken.TrySetResult();
        }
    }
}
