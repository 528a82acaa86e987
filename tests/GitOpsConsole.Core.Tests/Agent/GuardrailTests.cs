using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Tests.Agent;

/// <summary>The parts of the loop that keep a wrong model harmless: redaction, argument checks, policy, trusting the tools over the model.</summary>
public class GuardrailTests
{
    [Theory]
    [InlineData("password=hunter2 next", "password=[REDACTED] next")]
    [InlineData("{\"apiKey\": \"sk-abc123\"}", "{\"apiKey\": \"[REDACTED]\"}")]
    [InlineData("Authorization: Bearer eyJhbGciOi.x.y", "Authorization: [REDACTED]")]
    [InlineData("key AKIAABCDEFGHIJKLMNOP used", "key [REDACTED] used")]
    [InlineData("clone with github_pat_11ABCDEFG0123456789_abcdefghijklmnop done", "clone with [REDACTED] done")]
    [InlineData("argocd eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJnaXRvcHMifQ.c2lnbmF0dXJlLXZhbHVl ok", "argocd [REDACTED] ok")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", "[REDACTED]")]
    public void Redact_SecretShapes_AreMasked(string text, string expected)
    {
        Assert.Equal(expected, new SecretRedactor([]).Redact(text));
    }

    [Fact]
    public void Redact_ConfiguredPattern_IsMaskedAndOrdinaryTextKept()
    {
        var redactor = new SecretRedactor(["corp-[0-9]{6}"]);

        Assert.Equal("ticket [REDACTED] for storefront:1a2b3c4", redactor.Redact("ticket corp-123456 for storefront:1a2b3c4"));
    }

    [Fact]
    public void Validate_UnknownToolOrArguments_NamesTheProblemAndTheSchema()
    {
        var plugin = Plugin(new Application { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront" });

        var unknown = ToolCallValidator.Validate(plugin, new FunctionCallContent("kubectl_apply", ToolMetadata.PluginName, "c1"));
        var extra = ToolCallValidator.Validate(plugin, new FunctionCallContent("git_revert", ToolMetadata.PluginName, "c2", new KernelArguments { ["commit"] = "abc", ["force"] = "true" }));
        var typed = ToolCallValidator.Validate(plugin, new FunctionCallContent("ci_get_build", ToolMetadata.PluginName, "c3", new KernelArguments { ["buildId"] = "b1", ["waitSeconds"] = JsonSerializer.SerializeToElement("30") }));

        Assert.StartsWith("unknown tool 'kubectl_apply'; the tools are: ci_trigger_build, ci_get_build", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("git_revert: unknown argument(s) force; it takes commit: a non-empty string", extra.Error);
        Assert.Null(typed.Error);
        Assert.Equal(30, typed.Arguments!["waitSeconds"]);
    }

    [Fact]
    public void Toolbox_EveryTool_IsMarkedReadOrMutatingAsTheDesignSays()
    {
        var plugin = Plugin(new Application { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront" });

        var mutating = plugin.Where(ToolMetadata.Mutates).Select(ToolMetadata.ToolboxName).Order();

        Assert.Equal(["chart.bump_version", "ci.trigger_build", "commit.set_status", "git.open_pull_request", "git.revert", "operator.sync", "values.set", "values.set_image_tag"], mutating);
        Assert.Equal(21, plugin.FunctionCount);
        Assert.Contains("registry.list_tags", plugin.Where(f => !ToolMetadata.Mutates(f)).Select(ToolMetadata.ToolboxName));
        Assert.Contains("operator.history", plugin.Where(f => !ToolMetadata.Mutates(f)).Select(ToolMetadata.ToolboxName));
        Assert.Contains("git.read_file", plugin.Where(f => !ToolMetadata.Mutates(f)).Select(ToolMetadata.ToolboxName));
    }

    [Fact]
    public void Verify_ClaimedSuccessWithoutAHealthyRead_IsEscalated()
    {
        var facts = new AgentFacts();
        facts.Observe("cluster_health", """{"status":"Degraded","message":"crash"}""");

        var outcome = new FinalReport(RunStatus.Succeeded, "All good", [], []).Verify(facts);

        Assert.Equal(RunStatus.Escalated, outcome.Status);
        Assert.Contains("last health read was Degraded", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportWithTextAround_ReadsItAndRejectsUnknownOutcomes()
    {
        Assert.Equal(RunStatus.RolledBack, FinalReport.Parse("Done.\n{\"outcome\":\"RolledBack\",\"summary\":\"reverted\"}")!.Outcome);
        Assert.Null(FinalReport.Parse("{\"outcome\":\"Running\",\"summary\":\"x\"}"));
        Assert.Null(FinalReport.Parse("no json here"));
    }

    private static KernelPlugin Plugin(Application app) =>
        AgentToolbox.Create(new WorkflowTools(null!, null!, null!, null!, null!, null!, null!, null!, null!), WorkflowSettings.Default, () => Core.Agent.Policies.EnvironmentPolicy.None, new AgentRunContext(new Run(), app), TimeProvider.System);
}
