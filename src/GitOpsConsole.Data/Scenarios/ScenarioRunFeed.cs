using GitOpsConsole.Core;
using GitOpsConsole.Core.Scenarios;

namespace GitOpsConsole.Data.Scenarios;

/// <summary>A scenario run changed and is stored; the comparison views re-read it.</summary>
public sealed record ScenarioRunChange(Guid Id, string Scenario, ScenarioRunStatus Status);

public sealed class ScenarioRunFeed : LiveFeed<ScenarioRunChange>;
