using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// The run the toolbox acts for. Tools take no application argument: an agent run can only touch its own
/// application, whatever the model asks. <see cref="StepKey"/> names the step being executed, so a Git write
/// retried after a restart finds its earlier commit.
/// </summary>
public sealed class AgentRunContext(Run run, Application app)
{
    public Run Run { get; } = run;

    public Application Application { get; } = app;

    /// <summary>Set by the engine before each tool call.</summary>
    public int StepSequence { get; set; }

    public RunStepKey StepKey => new(Run.Id, $"agent-{StepSequence}");

    public string InitiatedBy => $"run:{Run.Id}";

    /// <summary>Asks a person for this run; set by the run's session (unset where no one can be asked).</summary>
    internal AgentHuman? Human { get; set; }
}
