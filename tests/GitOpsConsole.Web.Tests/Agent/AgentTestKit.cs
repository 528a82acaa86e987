using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>What agent-run tests share: a scenario push to the sandbox and the run it started, once ended.</summary>
internal static class AgentTestKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Pushes a commit whose image behaves as <paramref name="runtime"/> says; returns its SHA.</summary>
    public static Task<string> PushAsync(IServiceProvider services, string app, ImageRuntime runtime = ImageRuntime.Starts, string message = "Change") =>
        services.GetRequiredService<SandboxRuntime>().World!.CommitAsync(new ScenarioCommit(app, new ImageBehavior(runtime, TimeSpan.Zero), message, "Dev", "dev@example.test"), Ct);

    /// <summary>The run triggered by <paramref name="commit"/>, with its steps, once it has ended.</summary>
    public static Task<RunSummary> FinishedRunAsync(IServiceProvider services, string commit)
    {
        var runs = services.GetRequiredService<RunQuery>();
        return EventuallyAsync(async () =>
        {
            var page = await runs.PageAsync(new RunFilter(), 0, 50, Ct);
            var summary = page.Items.FirstOrDefault(r => r.Run.CommitSha == commit && r.Run.FinishedAt is not null);
            return summary is null ? null : await runs.GetAsync(summary.Run.Id, Ct);
        }, TimeSpan.FromSeconds(120), $"a finished run for {commit[..7]}");
    }

    /// <summary>The tip of the application's branch in the sandbox Git host.</summary>
    public static string Tip(IServiceProvider services, string app)
    {
        using var repository = new LibGit2Sharp.Repository(services.GetRequiredService<SandboxRuntime>().World!.CloneUrl(app));
        return repository.Branches["main"].Tip.Sha;
    }

    /// <summary>Starts the console's host (and with it the sandbox and the run dispatcher).</summary>
    public static IServiceProvider Start(WebApplicationFactory<Program> factory)
    {
        factory.CreateClient().Dispose();
        return factory.Services;
    }

    public static RunStatus StatusOf(RunSummary run) => run.Run.Status;
}
