using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Runs;

/// <summary>A run or one of its steps changed and the change is stored: views re-read the run.</summary>
public sealed record RunChange(Guid RunId, string Application, RunStatus Status);
