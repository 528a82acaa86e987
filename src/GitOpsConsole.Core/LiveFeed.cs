namespace GitOpsConsole.Core;

/// <summary>
/// A change notice that writers publish once a change is persisted and live views subscribe to
/// (they re-read and re-render). Subscribers are called on the writer's thread and must not block.
/// </summary>
public class LiveFeed<T>
{
    private event Action<T>? Published;

    public IDisposable Subscribe(Action<T> onPublished)
    {
        Published += onPublished;
        return new Unsubscriber(() => Published -= onPublished);
    }

    public virtual void Publish(T item) => Published?.Invoke(item);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
