using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios;

/// <summary>
/// Reads a scenario file (see docs/scenarios.md). Everything is checked before a definition is returned:
/// unknown fields, wrong values and combinations that cannot run fail with the file and the field named.
/// </summary>
public static class ScenarioParser
{
    /// <summary>The seeded applications a scenario's twins can copy.</summary>
    public static readonly IReadOnlyList<string> Applications = ["storefront", "catalog", "payments"];

    /// <exception cref="ScenarioFileException">The file is not a usable scenario.</exception>
    public static ScenarioDefinition Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = ScenarioYaml.Root(file, text);
        var name = root.String("name");
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$"))
        {
            throw root.Error("name", $"'{name}' must be 1-40 lower-case letters, digits and dashes");
        }

        var application = root.String("application");
        if (!Applications.Contains(application))
        {
            throw root.Error("application", $"'{application}' is not one of {string.Join(", ", Applications)}");
        }

        var definition = new ScenarioDefinition(name, root.OptionalString("title") ?? name, root.OptionalString("description") ?? "", application,
            Start(root.OptionalMapping("start")), Event(root.Mapping("event")),
            [.. root.Sequence("conditions").Select(Condition)], [.. root.Sequence("answers").Select(Answer)],
            Expected(root.Mapping("expect"), "workflow"), Expected(root.Mapping("expect"), "agent"), file);
        root.RejectUnknown();
        Check(definition, root);
        return definition;
    }

    private static ScenarioStart Start(ScenarioYaml? start)
    {
        if (start is null)
        {
            return new ScenarioStart(SelfHeal: true, RequireApproval: false, HealthTimeoutSeconds: 30);
        }

        var result = new ScenarioStart(start.Bool("selfHeal", true), start.Bool("requireApproval", false), start.OptionalInt("healthTimeoutSeconds", 1, 3600) ?? 30);
        start.RejectUnknown();
        return result;
    }

    private static ScenarioEvent Event(ScenarioYaml node)
    {
        var result = new ScenarioEvent(node.Enum<ScenarioEventKind>("kind"), node.OptionalString("message") ?? "Scenario change", node.OptionalString("tag"));
        node.RejectUnknown();
        if (result.Kind == ScenarioEventKind.Image && result.Tag is null)
        {
            throw node.Error("tag", "is required for an image event");
        }

        if (result.Kind == ScenarioEventKind.Push && result.Tag is not null)
        {
            throw node.Error("tag", "belongs to image events; a push deploys the image CI builds");
        }

        return result;
    }

    private static ScenarioCondition Condition(ScenarioYaml node)
    {
        var result = new ScenarioCondition(node.Enum<ConditionKind>("kind"), node.OptionalString("after"));
        node.RejectUnknown();
        return result;
    }

    private static ScriptedAnswer Answer(ScenarioYaml node)
    {
        var result = new ScriptedAnswer(node.String("question"), node.String("answer"));
        node.RejectUnknown();
        return result;
    }

    private static ExpectedEnd Expected(ScenarioYaml expect, string engine)
    {
        var node = expect.Mapping(engine);
        var result = new ExpectedEnd(node.Enum<RunStatus>("outcome"), node.Enum("image", (ExpectedImage?)ExpectedImage.New),
            node.Enum("health", (HealthStatus?)HealthStatus.Healthy), node.OptionalInt("commits", 0, 100));
        node.RejectUnknown();
        if (result.Outcome is RunStatus.Queued or RunStatus.Running)
        {
            throw node.Error("outcome", $"'{result.Outcome}' is not an end state");
        }

        return result;
    }

    private static void Check(ScenarioDefinition definition, ScenarioYaml root)
    {
        var pushOnly = new[] { ConditionKind.ImageCrashes, ConditionKind.CiFailsFirstAttempt, ConditionKind.ChartVersionBump };
        if (definition.Event.Kind == ScenarioEventKind.Image && definition.Conditions.FirstOrDefault(c => pushOnly.Contains(c.Kind)) is { } wrong)
        {
            throw root.Error("conditions", $"{wrong.Kind} needs a push event (the image comes from a build)");
        }

        if (definition.Has(ConditionKind.MissingTag) && definition.Event.Kind != ScenarioEventKind.Image)
        {
            throw root.Error("conditions", "MissingTag needs an image event (event.kind: image)");
        }

        var midRun = new[] { ConditionKind.DriftDuringRollout, ConditionKind.PolicyChangeMidRun, ConditionKind.FreezeWindowMidRun };
        if (definition.Conditions.FirstOrDefault(c => c.AfterTool is not null && !midRun.Contains(c.Kind)) is { } early)
        {
            throw root.Error("conditions", $"{early.Kind} is part of the start or the event; 'after' applies to {string.Join(", ", midRun)} only");
        }
    }
}
