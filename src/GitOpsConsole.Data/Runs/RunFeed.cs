using GitOpsConsole.Core;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Data.Runs;

/// <summary>Every stored change of a run or its steps, for the Pipelines and run pages.</summary>
public sealed class RunFeed : LiveFeed<RunChange>;
