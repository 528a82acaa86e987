using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>How far a run got for its user: deployed, then recovered to the old version, then handed to a person, then failed.</summary>
public static class OutcomeRank
{
    public static int Of(RunStatus status) => status switch
    {
        RunStatus.Succeeded => 4,
        RunStatus.RolledBack => 3,
        RunStatus.Escalated or RunStatus.WaitingForInput => 2,
        RunStatus.Cancelled => 1,
        _ => 0,
    };
}
