using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Web.Sandbox;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Sets off a scenario's mid-run conditions in one twin once its run has finished the step they follow: a person
/// editing the live Deployment (drift), the application's policy changing, or a freeze window starting for it.
/// Each fires once per twin.
/// </summary>
internal sealed class MidRunConditions(ScenarioDefinition scenario, TwinApp twin, SandboxRuntime sandbox, ApplicationCatalog catalog, PolicyBook policies, TimeProvider time)
{
    private static readonly TimeSpan FreezeLength = TimeSpan.FromHours(1);

    private readonly HashSet<ConditionKind> _fired = [];

    public static readonly IReadOnlyDictionary<ConditionKind, string> DefaultAfter = new Dictionary<ConditionKind, string>
    {
        [ConditionKind.DriftDuringRollout] = "operator.sync",
        [ConditionKind.PolicyChangeMidRun] = "ci.get_build",
        [ConditionKind.FreezeWindowMidRun] = "ci.trigger_build",
    };

    /// <summary>What fired, for the scenario run's record.</summary>
    public IReadOnlyCollection<ConditionKind> Fired => _fired;

    public async Task OnRunChangedAsync(Run run)
    {
        foreach (var condition in scenario.Conditions.Where(c => DefaultAfter.ContainsKey(c.Kind) && !_fired.Contains(c.Kind)))
        {
            var after = condition.AfterTool ?? DefaultAfter[condition.Kind];
            if (!run.Steps.Any(s => s.Tool == after && s.Status == StepStatus.Succeeded))
            {
                continue;
            }

            _fired.Add(condition.Kind);
            await (condition.Kind switch
            {
                ConditionKind.DriftDuringRollout => DriftAsync(),
                ConditionKind.FreezeWindowMidRun => FreezeAsync(),
                _ => RequireApprovalAsync(),
            });
        }
    }

    private async Task DriftAsync()
    {
        var client = sandbox.Client ?? throw new InvalidOperationException("The sandbox cluster is not running.");
        var patch = $$"""[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"{{twin.PreviousImage}}"}]""";
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), twin.Name, twin.Application.Namespace, fieldManager: "kubectl-edit");
    }

    /// <summary>An hour's freeze in ask mode: longer than any scenario, so every later change of this twin asks.</summary>
    private Task FreezeAsync()
    {
        var now = time.GetUtcNow();
        policies.Freeze(twin.Name, new FreezePeriod($"scenario {scenario.Name}", now, now + FreezeLength, FreezeAction.Ask));
        return Task.CompletedTask;
    }

    private async Task RequireApprovalAsync()
    {
        var options = TwinWorlds.OptionsOf(twin.Application);
        options.RequireApproval = true;
        await catalog.SyncAsync([options], ApplicationOrigin.ScenarioTwin);
    }
}
