namespace GitOpsConsole.Core.Operator;

/// <summary>How one object's live state stands against Git.</summary>
public enum ResourceDiffKind
{
    /// <summary>Every field the manifest sets has its value live.</summary>
    Equal,

    /// <summary>Some fields differ (listed in <see cref="ResourceDiff.Fields"/>).</summary>
    Modified,

    /// <summary>In Git, not in the cluster.</summary>
    Missing,

    /// <summary>In the cluster carrying this application's tracking id, no longer in Git: pruning would delete it.</summary>
    Extra,
}

/// <summary>The desired-vs-live comparison of one object, the basis of drift findings.</summary>
public sealed record ResourceDiff(ResourceKey Resource, ResourceDiffKind Kind, IReadOnlyList<FieldDiff> Fields)
{
    public bool InSync => Kind == ResourceDiffKind.Equal;
}
