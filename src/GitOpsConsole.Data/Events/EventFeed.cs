using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Events;

/// <summary>Tells subscribers (views, the engines' queue) about each event once it is persisted.</summary>
public sealed class EventFeed
{
    private event Action<TriggerEvent>? Recorded;

    public IDisposable Subscribe(Action<TriggerEvent> onRecorded)
    {
        Recorded += onRecorded;
        return new Unsubscriber(() => Recorded -= onRecorded);
    }

    internal void Publish(TriggerEvent recorded) => Recorded?.Invoke(recorded);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
