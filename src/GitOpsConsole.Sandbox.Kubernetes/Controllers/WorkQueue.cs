using System.Threading.Channels;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// A de-duplicating work queue with delayed items. Delays run on the injected TimeProvider so tests
/// drive back-offs and readiness with a fake clock.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Channel<WorkItem> _ready = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<WorkItem> _queued = [];
    private readonly SortedSet<(DateTimeOffset Due, long Sequence, WorkItem Item)> _delayed =
        new(Comparer<(DateTimeOffset Due, long Sequence, WorkItem Item)>.Create((a, b) => (a.Due, a.Sequence).CompareTo((b.Due, b.Sequence))));
    private readonly ITimer _timer;
    private long _sequence;

    public WorkQueue(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(_ => Promote(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ChannelReader<WorkItem> Ready => _ready.Reader;

    public void Add(WorkItem item)
    {
        lock (_gate)
        {
            if (_queued.Add(item))
            {
                _ready.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Called by the worker just before it processes the item, so changes during processing queue it again.</summary>
    public void Started(WorkItem item)
    {
        lock (_gate)
        {
            _queued.Remove(item);
        }
    }

    public void AddAfter(WorkItem item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }
        lock (_gate)
        {
            _delayed.Add((_time.GetUtcNow() + delay, _sequence++, item));
            Arm();
        }
    }

    public void Complete() => _ready.Writer.TryComplete();

    public void Dispose() => _timer.Dispose();

    private void Promote()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_delayed.Count > 0 && _delayed.Min.Due <= now)
            {
                var due = _delayed.Min;
                _delayed.Remove(due);
                if (_queued.Add(due.Item))
                {
                    _ready.Writer.TryWrite(due.Item);
                }
            }
            Arm();
        }
    }

    private void Arm()
    {
        if (_delayed.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = _delayed.Min.Due - _time.GetUtcNow();
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }
}
