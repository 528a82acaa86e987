using GitOpsConsole.Data.Operator;
using k8s;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>
/// Image releases of an application with an image policy, against the console and its sandbox registry: the run lists
/// the tags, picks by the policy, commits that one tag or ends with the reason it commits nothing.
/// </summary>
public class ImagePolicyRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImageRelease_SemverTildeConstraint_DeploysTheHighestMatchingTagInOneLine()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "semver"), ("Constraint", "~1.4"));
        var (runtime, client) = await StartedAsync(factory);
        await PublishAsync(runtime, "1.4.1", "1.5.0", "2.0.0");
        var before = CatalogTip(runtime);

        var run = await ReleaseAsync(factory, client, runtime, "2.0.0");

        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(["registry.list_tags", "values.set_image_tag", "operator.sync", "cluster.health"], run.Run.Steps.Select(s => s.Tool));
        var pick = run.Run.Steps[0].Summary;
        Assert.Contains("Picked 1.4.1 by semver ~1.4", pick, StringComparison.Ordinal);
        Assert.Contains("the released 2.0.0 was passed over: outside ~1.4", pick, StringComparison.Ordinal);
        Assert.Contains("1.5.0: rejected, outside ~1.4", run.Run.Steps[0].Log, StringComparison.Ordinal);
        var work = Path.Combine(factory.DataDirectory, "work");
        await GitAsync(factory.DataDirectory, "clone", runtime.World!.CloneUrl("catalog"), work);
        Assert.Equal("1\t1\tchart/values.yaml", (await GitAsync(work, "diff", "--numstat", before, run.Run.DeployCommitSha!)).Trim());
        Assert.Contains("+  tag: \"1.4.1\"", await GitAsync(work, "diff", before, run.Run.DeployCommitSha!), StringComparison.Ordinal);
        Assert.EndsWith("/catalog:1.4.1", await DeployedImageAsync(runtime), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageRelease_TagOutsideTheConstraint_NoCommitAndAClearReason()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "semver"), ("Constraint", "~1.4"));
        var (runtime, client) = await StartedAsync(factory);
        await PublishAsync(runtime, "1.5.0", "2.0.0");
        var before = CatalogTip(runtime);

        var run = await ReleaseAsync(factory, client, runtime, "2.0.0");

        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.StartsWith("No newer tag by semver ~1.4: no tag qualifies", run.Run.Reason, StringComparison.Ordinal);
        // The sandbox's start-up build also published a commit tag; an all-digit one ("3017742") reads as a version outside ~1.4 too.
        Assert.Contains("outside ~1.4 (", run.Run.Reason, StringComparison.Ordinal);
        Assert.Contains("1.5.0: rejected, outside ~1.4", run.Run.Steps[0].Log, StringComparison.Ordinal);
        Assert.Contains("2.0.0: rejected, outside ~1.4", run.Run.Steps[0].Log, StringComparison.Ordinal);
        Assert.Contains("nothing committed", run.Run.Reason, StringComparison.Ordinal);
        Assert.Equal(["registry.list_tags"], run.Run.Steps.Select(s => s.Tool));
        Assert.Equal((before, 0), (CatalogTip(runtime), run.Run.CommitsMade));
    }

    [Fact]
    public async Task ImageRelease_AgainAfterThePickIsDeployed_EndsWithoutASecondCommit()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "semver"), ("Constraint", "~1.4"));
        var (runtime, client) = await StartedAsync(factory);
        await PublishAsync(runtime, "1.4.1", "2.0.0");
        var first = await ReleaseAsync(factory, client, runtime, "1.4.1");
        Assert.True(first.Run.Status == RunStatus.Succeeded, first.Run.Reason);

        var second = await ReleaseAsync(factory, client, runtime, "2.0.0");

        Assert.True(second.Run.Status == RunStatus.Succeeded, second.Run.Reason);
        Assert.Equal("No newer tag by semver ~1.4: Git already deploys 1.4.1 (the released 2.0.0 does not qualify); nothing committed", second.Run.Reason);
        Assert.Equal(first.Run.DeployCommitSha, CatalogTip(runtime));
    }

    [Fact]
    public async Task ImageRelease_NewestBuildStrategy_DeploysTheMostRecentlyBuiltTag()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "newest-build"), ("AllowTags", @"^\d+\.\d+\.\d+$"));
        var (runtime, client) = await StartedAsync(factory);
        // Published in this order: the last one is the newest build although it is not the highest version.
        await PublishAsync(runtime, "1.9.0", "3.0.0", "1.2.0");

        var run = await ReleaseAsync(factory, client, runtime, "3.0.0");

        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Contains("Picked 1.2.0 by newest-build (1.2.0: newest build, created", run.Run.Steps[0].Summary, StringComparison.Ordinal);
        Assert.EndsWith("/catalog:1.2.0", await DeployedImageAsync(runtime), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageRelease_DigestStrategy_WritesTheFollowedTagPinnedToItsCurrentDigest()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "digest"), ("Constraint", "stable"));
        var (runtime, client) = await StartedAsync(factory);
        await PublishAsync(runtime, "stable", "1.0.0");
        var digest = runtime.World!.Registry.ListTags("catalog").Single(t => t.Tag == "stable").Digest;

        var run = await ReleaseAsync(factory, client, runtime, "stable");

        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Contains($"Picked stable@{digest} by digest of stable", run.Run.Steps[0].Summary, StringComparison.Ordinal);
        Assert.EndsWith($"/catalog:stable@{digest}", await DeployedImageAsync(runtime), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageEvent_InjectedTag_RefusedAndNeverReachesGit()
    {
        await using var factory = CatalogWithPolicy(("Strategy", "semver"));
        var (runtime, client) = await StartedAsync(factory);
        var before = CatalogTip(runtime);

        using var response = await client.PostAsJsonAsync("/api/events",
            new { app = "catalog", kind = "image", image = $"{runtime.World!.Registry.Host}/catalog", tag = "1.0;rm -rf" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a valid OCI tag", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, CatalogTip(runtime));
    }

    private static ConsoleFactory CatalogWithPolicy(params (string Key, string Value)[] policy) =>
        WithSandbox([("GitOps:Auth:Mode", "LocalTrust"), .. policy.Select(p => ($"GitOps:Applications:1:ImagePolicy:{p.Key}", p.Value))]);

    private static async Task<(SandboxRuntime Runtime, HttpClient Client)> StartedAsync(ConsoleFactory factory)
    {
        var client = factory.CreateClient();
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        await EventuallyAsync(() => Task.FromResult(statuses.Latest.GetValueOrDefault("catalog") is { Health: HealthStatus.Healthy } s ? s : null),
            TimeSpan.FromSeconds(60), "catalog Healthy after start");
        return (factory.Services.GetRequiredService<SandboxRuntime>(), client);
    }

    private static async Task PublishAsync(SandboxRuntime runtime, params string[] tags)
    {
        foreach (var tag in tags)
        {
            await runtime.World!.Registry.PublishAsync(new ImagePublication("catalog", tag, new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero)), Ct);
        }
    }

    /// <summary>Posts the release as a registry would announce it and returns its run once finished.</summary>
    private static async Task<RunSummary> ReleaseAsync(ConsoleFactory factory, HttpClient client, SandboxRuntime runtime, string tag)
    {
        using var response = await client.PostAsJsonAsync("/api/events", new { app = "catalog", kind = "image", image = $"{runtime.World!.Registry.Host}/catalog", tag }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runId = json.RootElement.GetProperty("runId").GetGuid();
        var runs = factory.Services.GetRequiredService<RunQuery>();
        return await EventuallyAsync(async () => await runs.GetAsync(runId, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(90), $"the run of the {tag} release");
    }

    private static string CatalogTip(SandboxRuntime runtime)
    {
        using var repository = new LibGit2Sharp.Repository(runtime.World!.CloneUrl("catalog"));
        return repository.Branches["main"].Tip.Sha;
    }

    private static async Task<string> DeployedImageAsync(SandboxRuntime runtime)
    {
        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
        return (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: Ct)).Spec.Template.Spec.Containers[0].Image;
    }
}
