using System.Collections.Concurrent;
using GitOpsConsole.Core;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Data.Operator;

/// <summary>Each application's latest sync and health, pushed to the views that show them.</summary>
public sealed class ApplicationStatusFeed : LiveFeed<ApplicationStatus>
{
    private readonly ConcurrentDictionary<string, ApplicationStatus> _latest = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ApplicationStatus> Latest => _latest;

    public override void Publish(ApplicationStatus item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var previous = _latest.GetValueOrDefault(item.Application);
        _latest[item.Application] = item;
        // Views care about changes, not about every refresh that found the same state.
        if (previous is null || previous.Sync != item.Sync || previous.Health != item.Health
            || previous.Revision != item.Revision || previous.HealthMessage != item.HealthMessage || previous.Error != item.Error
            || !previous.Resources.SequenceEqual(item.Resources))
        {
            base.Publish(item);
        }
    }
}
