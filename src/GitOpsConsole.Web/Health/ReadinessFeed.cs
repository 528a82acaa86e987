using GitOpsConsole.Core;

namespace GitOpsConsole.Web.Health;

/// <summary>The latest readiness report, pushed to subscribed views whenever a check runs.</summary>
public sealed class ReadinessFeed : LiveFeed<ReadinessReport>
{
    public ReadinessReport? Latest { get; private set; }

    public override void Publish(ReadinessReport item)
    {
        Latest = item;
        base.Publish(item);
    }
}
