using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Drift;

/// <summary>How a finding that no longer shows was resolved, and by whom (null when nobody did it).</summary>
public delegate (DriftResolution Resolution, string? By) DriftResolver(DriftFinding finding);
