using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace GitOpsConsole.Sandbox.Internal;

/// <summary>
/// Fans one stream of items out to any number of subscribers. Each subscriber has its own unbounded
/// channel so a slow reader never delays the publisher or the other readers.
/// </summary>
internal sealed class Broadcaster<T>
{
    private readonly Lock _gate = new();
    private readonly List<Channel<T>> _subscribers = [];

    public void Publish(T item)
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Registers at once (not on first MoveNext) so nothing published after the call is missed.</summary>
    public IAsyncEnumerable<T> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return ReadAsync(channel, cancellationToken);
    }

    /// <summary>Ends every subscription; readers finish after draining what was already published.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }
            _subscribers.Clear();
        }
    }

    private async IAsyncEnumerable<T> ReadAsync(Channel<T> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
