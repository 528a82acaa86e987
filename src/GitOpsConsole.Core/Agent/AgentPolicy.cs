using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent;

/// <summary>What policy says about one tool call. The model only ever sees the verdict, never the rule's inputs.</summary>
public sealed record PolicyVerdict(bool Allowed, string Reason)
{
    public static PolicyVerdict Allow { get; } = new(true, "");
}

/// <summary>
/// Policy in code, from the application's configuration: reads are always allowed; a mutation of an
/// application that requires approval is refused (questions that ask for the approval come next).
/// Nothing a model writes, or a commit message or log says, reaches these inputs.
/// </summary>
public static class AgentPolicy
{
    public static PolicyVerdict Check(Application app, bool mutates, string action)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!mutates)
        {
            return PolicyVerdict.Allow;
        }

        return app.RequireApproval
            ? new PolicyVerdict(false, $"approval required: {action}")
            : PolicyVerdict.Allow;
    }
}
