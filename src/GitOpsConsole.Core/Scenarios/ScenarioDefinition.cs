using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios;

/// <summary>
/// One scenario of the lab: which application the twin worlds copy, how it starts, the event both engines get,
/// the conditions injected on the way, scripted answers to questions, and where each engine should end.
/// </summary>
public sealed record ScenarioDefinition(
    string Name,
    string Title,
    string Description,
    string Application,
    ScenarioStart Start,
    ScenarioEvent Event,
    IReadOnlyList<ScenarioCondition> Conditions,
    IReadOnlyList<ScriptedAnswer> Answers,
    ExpectedEnd Workflow,
    ExpectedEnd Agent,
    string File)
{
    public ExpectedEnd ExpectedFor(DeploymentEngine engine) => engine == DeploymentEngine.Agent ? Agent : Workflow;

    public bool Has(ConditionKind kind) => Conditions.Any(c => c.Kind == kind);
}

/// <summary>The application's settings in both twin worlds before the event.</summary>
public sealed record ScenarioStart(bool SelfHeal, bool RequireApproval, int HealthTimeoutSeconds);

public enum ScenarioEventKind
{
    /// <summary>A source commit pushed to the application's branch; the engines build it.</summary>
    Push,
    /// <summary>A released image tag; the engines deploy it without a build.</summary>
    Image,
}

/// <summary>The event fired into both worlds. <see cref="Tag"/> only for image events (null: the image the push builds).</summary>
public sealed record ScenarioEvent(ScenarioEventKind Kind, string Message, string? Tag);

public enum ConditionKind
{
    /// <summary>The pushed image crash-loops when it runs.</summary>
    ImageCrashes,
    /// <summary>CI fails the first build of the pushed commit with a transient-looking error, and passes on a rebuild.</summary>
    CiFailsFirstAttempt,
    /// <summary>Right after the engine's first sync, someone edits the live Deployment's image back to the old one.</summary>
    DriftDuringRollout,
    /// <summary>The values file carries a second image block (a sidecar) that must stay untouched.</summary>
    TwoImageFields,
    /// <summary>The released tag does not exist in the registry.</summary>
    MissingTag,
    /// <summary>After the build step, the application starts to require approval for every change.</summary>
    PolicyChangeMidRun,
    /// <summary>The pushed commit bumps the chart's version in Chart.yaml.</summary>
    ChartVersionBump,
    /// <summary>After a step (by default the build's trigger), a freeze window starts for the application: each later change asks for approval.</summary>
    FreezeWindowMidRun,
}

/// <summary>An injected condition; <see cref="AfterTool"/> is the step that sets off a mid-run one.</summary>
public sealed record ScenarioCondition(ConditionKind Kind, string? AfterTool);

/// <summary>The answer given to a question whose text contains <see cref="QuestionContains"/> (case-insensitive).</summary>
public sealed record ScriptedAnswer(string QuestionContains, string Answer);

public enum ExpectedImage
{
    /// <summary>The image the event brings runs.</summary>
    New,
    /// <summary>The image that ran before the event still (or again) runs.</summary>
    Previous,
}

/// <summary>Where one engine should leave the world.</summary>
public sealed record ExpectedEnd(RunStatus Outcome, ExpectedImage Image, HealthStatus Health, int? Commits);
