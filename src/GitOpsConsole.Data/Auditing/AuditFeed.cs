using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Auditing;

/// <summary>Tells subscribed views that an entry was persisted. Subscribers must not block.</summary>
public sealed class AuditFeed
{
    private event Action<AuditEntry>? Recorded;

    public IDisposable Subscribe(Action<AuditEntry> onRecorded)
    {
        Recorded += onRecorded;
        return new Unsubscriber(() => Recorded -= onRecorded);
    }

    internal void Publish(AuditEntry entry) => Recorded?.Invoke(entry);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
