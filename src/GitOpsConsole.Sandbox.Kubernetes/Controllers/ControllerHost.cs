using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Runs the simulated controllers on one background loop: committed changes queue the affected
/// object and its controlling owner; reconcilers may ask to be called again after a delay.
/// </summary>
internal sealed partial class ControllerHost : IAsyncDisposable
{
    private readonly ObjectStore _store;
    private readonly Dictionary<string, IReconciler> _reconcilers;
    private readonly Kubelet _kubelet;
    private readonly WorkQueue _queue;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public ControllerHost(ObjectStore store, TimeProvider time, IReadOnlyList<IReconciler> reconcilers, Kubelet kubelet, ILogger logger)
    {
        _store = store;
        _reconcilers = reconcilers.Append(kubelet).ToDictionary(r => r.Name, StringComparer.Ordinal);
        _kubelet = kubelet;
        _queue = new WorkQueue(time);
        _logger = logger;
    }

    private static readonly Dictionary<string, string> ReconcilerByKind = new(StringComparer.Ordinal)
    {
        ["Deployment"] = "deployment",
        ["ReplicaSet"] = "replicaset",
        ["StatefulSet"] = "statefulset",
        ["Job"] = "job",
    };

    private static readonly Dictionary<string, string> ReconcilerByBucket = new(StringComparer.Ordinal)
    {
        [BuiltInResources.Deployment.StorageKey] = "deployment",
        [BuiltInResources.ReplicaSet.StorageKey] = "replicaset",
        [BuiltInResources.StatefulSet.StorageKey] = "statefulset",
        [BuiltInResources.Job.StorageKey] = "job",
        [BuiltInResources.Pod.StorageKey] = "kubelet",
    };

    public void Start()
    {
        _store.Committed += OnCommitted;
        foreach (var (bucket, reconciler) in ReconcilerByBucket)
        {
            foreach (var item in _store.List(bucket, null).Items)
            {
                _queue.Add(new WorkItem(reconciler, item.Namespace, item.Name));
            }
        }
        if (_reconcilers.ContainsKey("event-ttl"))
        {
            _queue.Add(new WorkItem("event-ttl", "", ""));
        }
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _store.Committed -= OnCommitted;
        await _stop.CancelAsync();
        _queue.Complete();
        if (_loop is not null)
        {
            await _loop;
        }
        _queue.Dispose();
        _stop.Dispose();
    }

    private void OnCommitted(WatchEvent change)
    {
        var obj = change.Object;
        if (!ReconcilerByBucket.TryGetValue(obj.StorageKey, out var reconciler))
        {
            return;
        }
        if (change.Type == WatchEventType.Deleted && reconciler == "kubelet")
        {
            _kubelet.Forget(obj.Uid);
        }
        else
        {
            _queue.Add(new WorkItem(reconciler, obj.Namespace, obj.Name));
        }
        var owner = Meta.OwnerReferences(obj.Node).FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true);
        if (owner is not null && ReconcilerByKind.TryGetValue(Meta.Str(owner, "kind") ?? "", out var ownerReconciler))
        {
            _queue.Add(new WorkItem(ownerReconciler, obj.Namespace, Meta.Str(owner, "name") ?? ""));
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var item in _queue.Ready.ReadAllAsync(_stop.Token))
            {
                _queue.Started(item);
                try
                {
                    if (_reconcilers[item.Reconciler].Reconcile(item.Namespace, item.Name) is { } again)
                    {
                        _queue.AddAfter(item, again);
                    }
                }
                catch (ApiException e)
                {
                    // Usually a race with a concurrent client write: look again shortly.
                    LogRetry(_logger, item.Reconciler, item.Namespace, item.Name, e.Message);
                    _queue.AddAfter(item, TimeSpan.FromMilliseconds(200));
                }
                catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or NullReferenceException or FormatException or ArgumentException)
                {
                    // A defect in one reconciler must not stop the whole simulation; it is logged and retried later.
                    LogFailure(_logger, item.Reconciler, item.Namespace, item.Name, e);
                    _queue.AddAfter(item, TimeSpan.FromSeconds(5));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reconciler} failed on {Namespace}/{Name}")]
    private static partial void LogFailure(ILogger logger, string reconciler, string @namespace, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Reconciler} {Namespace}/{Name} will retry: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reconciler, string @namespace, string name, string reason);
}
