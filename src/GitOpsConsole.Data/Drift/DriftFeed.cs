using GitOpsConsole.Core;

namespace GitOpsConsole.Data.Drift;

/// <summary>An application's findings changed (opened, updated, resolved), once persisted.</summary>
public sealed record DriftChange(string Application, int Opened, int Updated, int Resolved);

/// <summary>Drift changes for the views that show findings (the Drift page, the Overview's counts).</summary>
public sealed class DriftFeed : LiveFeed<DriftChange>;
