using GitOpsConsole.Data.Operator;
using k8s;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>The workflow engine end to end: a real git push to the sandbox → build → values commit → sync → Healthy (or rollback).</summary>
public class WorkflowRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GitPush_SourceChange_BuildsCommitsOneLineSyncsAndSucceeds()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var work = Path.Combine(factory.DataDirectory, "work");
        await GitAsync(factory.DataDirectory, "clone", Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git"), work);
        await File.WriteAllTextAsync(Path.Combine(work, "app", "VERSION"), "2.0.0\n", Ct);
        await GitAsync(work, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "-am", "Storefront 2.0.0");
        var pushed = (await GitAsync(work, "rev-parse", "HEAD")).Trim();

        await GitAsync(work, "push", "origin", "HEAD:main");

        var run = await FinishedRunAsync(factory, pushed);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        var tag = pushed[..7];
        Assert.EndsWith($"/storefront:{tag}", run.Run.Image, StringComparison.Ordinal);
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"], run.Run.Steps.Select(s => s.Tool));
        Assert.All(run.Run.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.NotNull(run.Run.HealthyAt);

        await GitAsync(work, "fetch", "origin");
        var deploy = run.Run.DeployCommitSha!;
        Assert.Equal(deploy, (await GitAsync(work, "rev-parse", "origin/main")).Trim());
        var message = await GitAsync(work, "log", "-1", "--format=%B", deploy);
        Assert.StartsWith($"deploy(storefront): ", message, StringComparison.Ordinal);
        Assert.Contains($"GitOps-Run: {run.Run.Id}", message, StringComparison.Ordinal);
        var numstat = (await GitAsync(work, "diff", "--numstat", pushed, deploy)).Trim();
        Assert.Equal("1\t1\tchart/values.yaml", numstat);

        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
        var deployment = await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: Ct);
        Assert.EndsWith($":{tag}", deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
        var status = await factory.Services.GetRequiredService<OperatorService>().StatusAsync((await AppAsync(factory, "storefront")), Ct);
        Assert.Equal((SyncStatus.Synced, HealthStatus.Healthy), (status.Sync, status.Health));
    }

    [Fact]
    public async Task Push_ImageThatCrashes_RevertsTheDeployCommitAndEndsRolledBack()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        await EventuallyAsync(() => Task.FromResult(statuses.Latest.GetValueOrDefault("catalog") is { Health: HealthStatus.Healthy } s ? s : null), TimeSpan.FromSeconds(60), "catalog Healthy after start");
        var before = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: Ct)).Spec.Template.Spec.Containers[0].Image;

        var pushed = await runtime.World!.CommitAsync(new ScenarioCommit("catalog", new ImageBehavior(ImageRuntime.Crash, TimeSpan.Zero), "Catalog that crashes", "Dev", "dev@example.test"), Ct);

        var run = await FinishedRunAsync(factory, pushed);
        Assert.True(run.Run.Status == RunStatus.RolledBack, run.Run.Reason);
        Assert.Contains("Degraded", run.Run.Reason, StringComparison.Ordinal);
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health", "git.revert", "operator.sync", "cluster.health"],
            run.Run.Steps.Select(s => s.Tool));
        Assert.Equal(StepStatus.Failed, run.Run.Steps[4].Status);
        Assert.Equal(StepStatus.Succeeded, run.Run.Steps[7].Status);

        using var repository = new LibGit2Sharp.Repository(runtime.World.CloneUrl("catalog"));
        var tip = repository.Branches["main"].Tip;
        Assert.Equal(run.Run.RollbackCommitSha, tip.Sha);
        Assert.Equal(run.Run.DeployCommitSha, tip.Parents.Single().Sha);
        Assert.Equal(tip.Tree["chart/values.yaml"].Target.Sha, tip.Parents.Single().Parents.Single().Tree["chart/values.yaml"].Target.Sha);
        var after = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: Ct)).Spec.Template.Spec.Containers[0].Image;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Push_PullRequestWriteBack_CommitsOnARunBranchAndMergesIt()
    {
        await using var factory = WithSandbox(("GitOps:Applications:1:WriteBack", "PullRequest"));
        factory.CreateClient().Dispose();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();

        var pushed = await runtime.World!.CommitAsync(new ScenarioCommit("catalog", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero), "Catalog via a pull request", "Dev", "dev@example.test"), Ct);

        var run = await FinishedRunAsync(factory, pushed);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        using var repository = new LibGit2Sharp.Repository(runtime.World.CloneUrl("catalog"));
        var branch = repository.Branches[$"gitops/catalog/{run.Run.Id:N}"];
        Assert.NotNull(branch);
        Assert.Equal(run.Run.DeployCommitSha, repository.Branches["main"].Tip.Sha);
        Assert.Equal(branch.Tip.Sha, run.Run.DeployCommitSha);
        Assert.Contains($"GitOps-Run: {run.Run.Id}", branch.Tip.Message, StringComparison.Ordinal);
        Assert.Equal(pushed, branch.Tip.Parents.Single().Sha);
    }

    private static async Task<Application> AppAsync(ConsoleFactory factory, string name) =>
        (await factory.Services.GetRequiredService<Data.Applications.ApplicationCatalog>().ListAsync(Ct)).Single(a => a.Name == name);

    /// <summary>The run triggered by <paramref name="commit"/>, once it has ended.</summary>
    private static Task<RunSummary> FinishedRunAsync(ConsoleFactory factory, string commit)
    {
        var runs = factory.Services.GetRequiredService<RunQuery>();
        return EventuallyAsync(async () =>
        {
            var page = await runs.PageAsync(new RunFilter(), 0, 50, Ct);
            var summary = page.Items.FirstOrDefault(r => r.Run.CommitSha == commit && r.Run.FinishedAt is not null);
            return summary is null ? null : await runs.GetAsync(summary.Run.Id, Ct);
        }, TimeSpan.FromSeconds(120), $"a finished run for {commit[..7]}");
    }
}
