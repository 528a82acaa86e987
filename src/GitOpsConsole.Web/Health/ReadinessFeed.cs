namespace GitOpsConsole.Web.Health;

/// <summary>The latest readiness report, pushed to subscribed views whenever a check runs.</summary>
public sealed class ReadinessFeed
{
    private event Action<ReadinessReport>? Changed;

    public ReadinessReport? Latest { get; private set; }

    public IDisposable Subscribe(Action<ReadinessReport> onChanged)
    {
        Changed += onChanged;
        return new Unsubscriber(() => Changed -= onChanged);
    }

    public void Publish(ReadinessReport report)
    {
        Latest = report;
        Changed?.Invoke(report);
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
