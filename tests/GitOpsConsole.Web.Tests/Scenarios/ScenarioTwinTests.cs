using System.Net;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Scenarios;
using GitOpsConsole.Web.Tests.Host;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Scenarios;

/// <summary>The scenario lab's twin applications: kept off the everyday pages, and cleaned up after the newest lab runs.</summary>
public class ScenarioTwinTests
{
    private static readonly string[] Configured = ["catalog", "payments", "storefront"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LabRun_Played_EverydayPagesAndListsShowOnlyTheConfiguredApplications()
    {
        await using var factory = WithSandbox();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var services = factory.Services;
        var played = (await services.GetRequiredService<ScenarioLab>().PlayAllAsync([services.GetRequiredService<ScenarioCatalog>().Find("happy-path")!], Ct)).Single();
        Assert.Equal(ScenarioRunStatus.Finished, played.Status);
        string[] twins = [played.WorkflowApplication!, played.AgentApplication!];
        (await SignInForm.PostAsync(client, "admin", factory.AdminPassword)).Dispose();

        var catalog = services.GetRequiredService<ApplicationCatalog>();
        Assert.Equal(Configured, (await catalog.ListConfiguredAsync(Ct)).Select(a => a.Name));
        foreach (var twin in twins)
        {
            Assert.Equal(ApplicationOrigin.ScenarioTwin, (await catalog.FindAsync(twin, Ct))!.Origin);
        }

        var runs = (await services.GetRequiredService<RunQuery>().PageAsync(new RunFilter(), 0, 200, Ct)).Items;
        Assert.DoesNotContain(runs, r => twins.Contains(r.Application));
        Assert.Equal(2, (await services.GetRequiredService<RunQuery>().PageAsync(new RunFilter(IncludeTwins: true), 0, 200, Ct)).Items.Count(r => twins.Contains(r.Application)));
        var events = (await services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 200, Ct)).Items;
        Assert.DoesNotContain(events, e => twins.Contains(e.ApplicationName) || twins.Any(t => e.Repository == "sandbox:" + t || e.Image?.EndsWith("/" + t, StringComparison.Ordinal) == true));
        Assert.NotEmpty((await services.GetRequiredService<EventQuery>().PageAsync(twins[0], null, 0, 200, Ct)).Items);

        // The Overview and the Drift page list applications as they render; Pipelines and Events load their rows
        // through the queries checked above.
        foreach (var page in new[] { "/", "/drift" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
            Assert.All(Configured, app => Assert.Contains(app, html, StringComparison.Ordinal));
            Assert.DoesNotContain(played.Scenario + "-", html, StringComparison.Ordinal);
        }

        // The comparison still reads the twins' runs.
        var report = await services.GetRequiredService<ComparisonReader>().ReportAsync([played], DateTimeOffset.UtcNow, Ct);
        Assert.True(report.Scenarios.Single().Workflow.EndStateCorrect);
        Assert.True(report.Scenarios.Single().Agent.EndStateCorrect);
    }

    [Fact]
    public async Task NextLabRun_KeepingOneLabRun_DeletesTheOlderTwinsWorldsAndKeepsTheirRuns()
    {
        await using var factory = WithSandbox(("GitOps:Scenarios:KeepTwinRuns", "1"));
        factory.CreateClient().Dispose();
        var services = factory.Services;
        var lab = services.GetRequiredService<ScenarioLab>();
        var happy = services.GetRequiredService<ScenarioCatalog>().Find("happy-path")!;
        var older = (await lab.PlayAllAsync([happy], Ct)).Single();
        var newer = (await lab.PlayAllAsync([happy], Ct)).Single();
        // The lab started a cleanup in the background; this one waits for its turn and finds the same twins.
        await services.GetRequiredService<TwinCleanup>().CleanAsync(Ct);

        var catalog = services.GetRequiredService<ApplicationCatalog>();
        var sandbox = services.GetRequiredService<SandboxRuntime>();
        foreach (var twin in new[] { older.WorkflowApplication!, older.AgentApplication! })
        {
            Assert.NotNull((await catalog.FindAsync(twin, Ct))!.RetiredAt);
            Assert.False(sandbox.World!.Git.Exists(twin), $"{twin}'s repository is still there");
            Assert.Empty(sandbox.World.Registry.ListTags(twin));
            var gone = await EventuallyAsync(async () => await NamespaceGoneAsync(sandbox.Client!, twin) ? "gone" : null, TimeSpan.FromSeconds(30), $"namespace {twin} deleted");
            Assert.Equal("gone", gone);
        }

        Assert.DoesNotContain(await catalog.ListAsync(Ct), a => a.Name == older.WorkflowApplication);
        Assert.NotNull(await services.GetRequiredService<RunQuery>().GetAsync(older.WorkflowRunId!.Value, Ct));
        foreach (var twin in new[] { newer.WorkflowApplication!, newer.AgentApplication! })
        {
            Assert.Null((await catalog.FindAsync(twin, Ct))!.RetiredAt);
            Assert.True(sandbox.World!.Git.Exists(twin), $"{twin}'s repository was deleted");
        }
    }

    private static async Task<bool> NamespaceGoneAsync(IKubernetes client, string name)
    {
        try
        {
            await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: Ct);
            return false;
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
    }
}
