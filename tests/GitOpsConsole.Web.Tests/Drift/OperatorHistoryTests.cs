using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.Tests.ArgoCd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary>
/// <c>operator.history</c> through the console's operator port: the embedded operator's kept syncs, Argo CD's
/// <c>status.history</c>, and the agent's read-only <c>operator_history</c> over the same port.
/// </summary>
public sealed class OperatorHistoryTests : IAsyncLifetime
{
    private FakeArgoCd _argo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    [Fact]
    public async Task HistoryAsync_EmbeddedApplication_ReadsTheSyncsItKept()
    {
        await using var factory = ArgoCdConsole.Create(_argo);
        factory.CreateClient().Dispose();
        var finished = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);
        await factory.Services.GetRequiredService<SyncHistory>().RecordAsync(
            new SyncResult("catalog", "feed0123456789abcdef0123456789abcdef0123", SyncPhase.Failed, "Deployment/catalog: invalid image", finished.AddSeconds(-3), finished, []), "bob", Ct);

        var history = await factory.Services.GetRequiredService<IOperatorTool>().HistoryAsync(await ArgoCdConsole.AppAsync(factory, "catalog"), Ct);

        var entry = Assert.Single(history);
        Assert.Equal(("feed0123456789abcdef0123456789abcdef0123", finished, "bob", SyncPhase.Failed), (entry.Revision, entry.At, entry.InitiatedBy, entry.Result));
        Assert.Null(entry.HistoryId);
    }

    [Fact]
    public async Task OperatorHistoryTool_ArgoCdApplication_ListsArgoCdsDeploymentsNewestFirst()
    {
        await using var factory = ArgoCdConsole.Create(_argo);
        factory.CreateClient().Dispose();
        var app = await ArgoCdConsole.AppAsync(factory, "storefront");
        var tools = new WorkflowTools(null!, null!, null!, factory.Services.GetRequiredService<IOperatorTool>(), null!, null!, null!, null!, null!);
        var function = AgentToolbox.Create(tools, WorkflowSettings.Default, () => Core.Agent.Policies.EnvironmentPolicy.None, new AgentRunContext(new Run(), app), TimeProvider.System)["operator_history"];

        var output = (await function.InvokeAsync(new Kernel(), [], Ct)).GetValue<ToolOutput>()!;

        Assert.False(ToolMetadata.Mutates(function));
        var entries = Assert.IsAssignableFrom<IReadOnlyList<SyncHistoryEntry>>(output.Value);
        Assert.Equal([("c0ffee0123456789abcdef0123456789abcdef01", "automated"), ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "admin")],
            entries.Select(e => (e.Revision!, e.InitiatedBy)));
        Assert.Equal("2 past syncs; the newest successful one applied c0ffee0", output.Summary);
    }
}
