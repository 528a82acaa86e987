using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Tests.Agent;

/// <summary>The toolbox's newer tools: their read/mutating marks, their argument checks, policy_check's verdicts and the replica limit.</summary>
public class ToolboxFunctionTests
{
    private static readonly DateTimeOffset Monday10Utc = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Application App(string environment = "dev") =>
        new() { Name = "shop", Environment = environment, RepositoryUrl = "sandbox:shop", Namespace = "shop" };

    private static KernelPlugin Plugin(EnvironmentPolicy policy, string environment = "dev") =>
        AgentToolbox.Create(new WorkflowTools(null!, null!, null!, null!, null!, null!, null!, null!, null!), WorkflowSettings.Default, () => policy,
            new AgentRunContext(new Run(), App(environment)), TimeProvider.System);

    private static EnvironmentPolicy Policy(Action<AgentPolicyOptions> configure)
    {
        var options = new AgentPolicyOptions();
        configure(options);
        return EnvironmentPolicy.From(options);
    }

    [Theory]
    [InlineData("values_set", "values.set", true)]
    [InlineData("chart_bump_version", "chart.bump_version", true)]
    [InlineData("git_open_pull_request", "git.open_pull_request", true)]
    [InlineData("commit_set_status", "commit.set_status", true)]
    [InlineData("cluster_events", "cluster.events", false)]
    [InlineData("cluster_logs", "cluster.logs", false)]
    [InlineData("policy_check", "policy.check", false)]
    public void Create_NewTools_AreMarkedReadOrMutating(string function, string toolboxName, bool mutates)
    {
        var tool = Plugin(EnvironmentPolicy.None)[function];

        Assert.Equal((toolboxName, mutates), (ToolMetadata.ToolboxName(tool), ToolMetadata.Mutates(tool)));
        Assert.EndsWith(mutates ? "(mutating: checked against policy)" : "(read-only)", tool.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("autoscaling.maxReplicas", "11", PolicyDecision.Deny)]
    [InlineData("autoscaling.minReplicas", "12", PolicyDecision.Deny)]
    [InlineData("replicaCount", "\"20\"", PolicyDecision.Deny)]
    [InlineData("worker.replicas", "11", PolicyDecision.Deny)]
    [InlineData("replicaCount", "10", PolicyDecision.Allow)]
    [InlineData("resources.limits.cpu", "500", PolicyDecision.Allow)]
    public void Check_ValuesSetOnAReplicaKey_IsDeniedAboveMaxReplicas(string yamlPath, string value, PolicyDecision expected)
    {
        var call = new PolicyCall(App(), "values.set", "values_set", true, new KernelArguments { ["file"] = "values.yaml", ["yamlPath"] = yamlPath, ["value"] = value }, "values.set()");

        var verdict = AgentPolicy.Check(call, Policy(p => p.MaxReplicas = 10), Monday10Utc);

        Assert.Equal(expected, verdict.Decision);
    }

    [Fact]
    public async Task PolicyCheck_ReplicasOverTheLimit_AnswersTheDenyVerdict()
    {
        var answer = await CheckAsync(Plugin(Policy(p => p.MaxReplicas = 10)), "values.set", 50);

        Assert.Equal(("Deny", "50 replicas is more than the 10 allowed in dev", true), answer);
    }

    [Fact]
    public async Task PolicyCheck_ProdMutationAndARead_AnswersAskAndAllow()
    {
        var plugin = Plugin(Policy(p => p.RequireApproval = true), "prod");

        Assert.Equal(("Ask", "shop (prod) needs a person's approval for every change", true), await CheckAsync(plugin, "chart_bump_version"));
        Assert.Equal(("Allow", "cluster.logs is allowed now (read-only)", false), await CheckAsync(plugin, "cluster_logs"));
    }

    [Fact]
    public async Task PolicyCheck_OutsideAllowedToolsAndReadOnly_IsItselfAllowedAndReportsTheDeny()
    {
        var policy = Policy(p => { p.AllowedTools = ["cluster.health"]; p.ReadOnly = true; });
        var call = new PolicyCall(App(), "policy.check", "policy_check", false, new KernelArguments { ["action"] = "values_set" }, "policy.check(action=values_set)");

        Assert.Equal(PolicyDecision.Allow, AgentPolicy.Check(call, policy, Monday10Utc).Decision);
        Assert.Equal(("Deny", "values.set is not among the tools allowed in dev", true), await CheckAsync(Plugin(policy), "values_set"));
    }

    [Fact]
    public async Task PolicyCheck_FreezeDeclaredAfterTheRunStarted_AnswersTheFreeze()
    {
        var book = new PolicyBook(AgentSettings.From(new AgentOptions()));
        var app = App();
        var plugin = AgentToolbox.Create(new WorkflowTools(null!, null!, null!, null!, null!, null!, null!, null!, null!), WorkflowSettings.Default, () => book.For(app),
            new AgentRunContext(new Run(), app), TimeProvider.System);
        Assert.Equal("Allow", (await CheckAsync(plugin, "values_set")).Item1);

        var now = DateTimeOffset.UtcNow;
        book.Freeze(app.Name, new FreezePeriod("incident", now.AddMinutes(-1), now.AddHours(1), FreezeAction.Defer));

        Assert.Equal("Defer", (await CheckAsync(plugin, "values_set")).Item1);
    }

    [Fact]
    public async Task PolicyCheck_UnknownAction_NamesTheTools()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => CheckAsync(Plugin(EnvironmentPolicy.None), "kubectl_delete"));

        Assert.Contains("unknown tool 'kubectl_delete'; the tools are: ci_trigger_build", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("major", SemverPart.Major)]
    [InlineData("Minor", SemverPart.Minor)]
    [InlineData("PATCH", SemverPart.Patch)]
    public void ParsePart_KnownParts_AreRead(string part, SemverPart expected) => Assert.Equal(expected, ValuesFunctions.ParsePart(part));

    [Theory]
    [InlineData("huge")]
    [InlineData("1")]
    [InlineData("major,minor")]
    public void ParsePart_AnythingElse_IsRefusedNamingTheChoices(string part)
    {
        var error = Assert.Throws<ArgumentException>(() => ValuesFunctions.ParsePart(part));

        Assert.StartsWith($"part must be major, minor or patch, got '{part}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusArguments_BadStateShortShaLongDescription_AreRefused()
    {
        Assert.Equal(CommitState.Failure, ReviewFunctions.ParseState("failure"));
        Assert.StartsWith("state must be pending, success, failure or error, got 'green'", Assert.Throws<ArgumentException>(() => ReviewFunctions.ParseState("green")).Message, StringComparison.Ordinal);
        Assert.StartsWith("commit must be a full 40-character SHA, got 'abc1234'", Assert.Throws<ArgumentException>(() => ReviewFunctions.ValidCommit("abc1234")).Message, StringComparison.Ordinal);
        Assert.StartsWith("description must be at most 140 characters, got 141", Assert.Throws<ArgumentException>(() => ReviewFunctions.ValidDescription(new string('x', 141))).Message, StringComparison.Ordinal);
        Assert.Equal("gitops-console/agent/shop", ReviewFunctions.Context(App()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task ClusterLogs_TailLinesOutOfRange_IsRefusedBeforeTheClusterIsRead(int tailLines)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() =>
            Plugin(EnvironmentPolicy.None)["cluster_logs"].InvokeAsync(new Kernel(), new KernelArguments { ["tailLines"] = tailLines }, TestContext.Current.CancellationToken));

        Assert.Contains($"tailLines must be between 1 and 200, got {tailLines}", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(string?, string?, bool)> CheckAsync(KernelPlugin plugin, string action, int? replicas = null)
    {
        var arguments = new KernelArguments { ["action"] = action };
        if (replicas is { } count)
        {
            arguments["replicas"] = count;
        }

        var output = (await plugin["policy_check"].InvokeAsync(new Kernel(), arguments, TestContext.Current.CancellationToken)).GetValue<ToolOutput>()!;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(output.Value, AgentJson.Options));
        return (json.RootElement.GetProperty("decision").GetString(), json.RootElement.GetProperty("reason").GetString(), json.RootElement.GetProperty("mutates").GetBoolean());
    }
}
