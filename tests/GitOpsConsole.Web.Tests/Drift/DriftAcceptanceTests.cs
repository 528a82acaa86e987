using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary>The issue's drift scenario against the real console and its sandbox cluster, with the periodic refresh off (only watches react).</summary>
public class DriftAcceptanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConsoleFactory Console() => SandboxTestKit.WithSandbox(("GitOps:Operator:RefreshInterval", "00:00:00"));

    private static async Task<(ConsoleFactory Factory, k8s.Kubernetes Kubernetes)> StartedAsync()
    {
        var factory = Console();
        factory.CreateClient().Dispose();
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        await SandboxTestKit.EventuallyAsync(() => Task.FromResult(statuses.Latest.Count == 3
            && statuses.Latest.Values.All(s => s.Sync == SyncStatus.Synced) ? statuses : null), TimeSpan.FromSeconds(90), "all three applications Synced");
        return (factory, (k8s.Kubernetes)factory.Services.GetRequiredService<SandboxRuntime>().Client!);
    }

    private static Task<V1Scale> ScaleAsync(k8s.Kubernetes kubernetes, string app, int replicas, string? fieldManager = null) =>
        kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch),
            app, app, fieldManager: fieldManager, cancellationToken: Ct);

    [Fact]
    public async Task Scale_SelfHealOn_FindingOpenedThenResolvedBySelfHealAndAudited()
    {
        var (factory, kubernetes) = await StartedAsync();
        await using var _ = factory;
        var drift = factory.Services.GetRequiredService<DriftStore>();
        var desired = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: Ct)).Spec.Replicas;
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = factory.Services.GetRequiredService<DriftFeed>().Subscribe(c =>
        {
            if (c is { Application: "storefront", Opened: > 0 })
            {
                opened.TrySetResult();
            }
        });

        await ScaleAsync(kubernetes, "storefront", 4);

        await opened.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var resolved = await SandboxTestKit.EventuallyAsync(async () =>
            (await drift.ListAsync("storefront", open: false, cancellationToken: Ct)).FirstOrDefault(f => f.Finding.Path == "/spec/replicas"),
            TimeSpan.FromSeconds(30), "the replicas finding resolved");
        Assert.Equal((DriftResolution.SelfHeal, "self-heal", "4"), (resolved.Finding.Resolution, resolved.Finding.ResolvedBy, resolved.Finding.Live));
        Assert.Equal(desired, (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: Ct)).Spec.Replicas);
        Assert.Empty(await drift.ListAsync("storefront", open: true, cancellationToken: Ct));
        var heal = await SandboxTestKit.EventuallyAsync(async () =>
            (await factory.Services.GetRequiredService<AuditQuery>().PageAsync(new AuditFilter(Action: "drift.self-heal"), 0, 10, Ct)).Items.FirstOrDefault(e => e.Target == "storefront"),
            TimeSpan.FromSeconds(30), "the heal audited");
        Assert.Contains("/spec/replicas (4 → ", heal.Detail, StringComparison.Ordinal);
        Assert.Equal("storefront", heal.Target);
    }

    [Fact]
    public async Task Scale_SelfHealOff_OutOfSyncAndTheFindingShowsReplicasUntilIgnored()
    {
        var (factory, kubernetes) = await StartedAsync();
        await using var _ = factory;
        var drift = factory.Services.GetRequiredService<DriftStore>();
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        var desired = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: Ct)).Spec.Replicas;

        await ScaleAsync(kubernetes, "catalog", 5);

        var finding = await SandboxTestKit.EventuallyAsync(async () =>
            (await drift.ListAsync("catalog", open: true, cancellationToken: Ct)).FirstOrDefault(f => f.Finding.Path.Length > 0), TimeSpan.FromSeconds(30), "an open catalog finding");
        Assert.Equal(("Deployment", "catalog", "/spec/replicas", desired?.ToString(System.Globalization.CultureInfo.InvariantCulture), "5"),
            (finding.Finding.Kind, finding.Finding.Name, finding.Finding.Path, finding.Finding.Desired, finding.Finding.Live));
        Assert.Equal(SyncStatus.OutOfSync, statuses.Latest["catalog"].Sync);
        Assert.Equal(5, (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog", cancellationToken: Ct)).Spec.Replicas);

        // Ignoring the field resolves the finding as the user's doing and the application counts as Synced again.
        var ignored = await factory.Services.GetRequiredService<GitOpsConsole.Web.Drift.DriftIgnore>()
            .IgnoreAsync("catalog", "apps", "Deployment", "catalog", "/spec/replicas", "alice", Ct);
        Assert.Equal(1, ignored.Result!.Resolved);
        await SandboxTestKit.EventuallyAsync(() => Task.FromResult(statuses.Latest["catalog"].Sync == SyncStatus.Synced ? statuses : null),
            TimeSpan.FromSeconds(30), "catalog Synced once replicas are ignored");
        // Other findings may come and go while the console settles after start; this one is the scaled replicas'.
        var resolved = Assert.Single(await drift.ListAsync("catalog", open: false, cancellationToken: Ct), f => f.Finding.Id == finding.Finding.Id).Finding;
        Assert.Equal((DriftResolution.Ignored, "alice"), (resolved.Resolution, resolved.ResolvedBy));
    }

    [Fact]
    public async Task Scale_ByTheAutoscalerController_NoFindingAndStaysSynced()
    {
        var (factory, kubernetes) = await StartedAsync();
        await using var _ = factory;
        var service = factory.Services.GetRequiredService<OperatorService>();
        var catalog = (await factory.Services.GetRequiredService<Data.Applications.ApplicationCatalog>().FindAsync("catalog", Ct))!;

        await ScaleAsync(kubernetes, "catalog", 3, fieldManager: "kube-controller-manager");
        var inspection = await service.InspectAsync(catalog, fetch: false, Ct);

        Assert.Equal(SyncStatus.Synced, inspection.Status.Sync);
        // Other findings may come and go while the console settles after start; none may be about the scaled replicas.
        Assert.DoesNotContain(await factory.Services.GetRequiredService<DriftStore>().ListAsync("catalog", open: null, cancellationToken: Ct),
            f => f.Finding.Path == "/spec/replicas");
    }

    [Fact]
    public async Task DeleteService_SelfHealOff_MissingObjectFindingUntilASyncByAUser()
    {
        var (factory, kubernetes) = await StartedAsync();
        await using var _ = factory;
        var drift = factory.Services.GetRequiredService<DriftStore>();

        await kubernetes.CoreV1.DeleteNamespacedServiceAsync("catalog", "catalog", cancellationToken: Ct);
        var missing = await SandboxTestKit.EventuallyAsync(async () =>
            (await drift.ListAsync("catalog", open: true, cancellationToken: Ct)).FirstOrDefault(f => f.Finding.Kind == "Service"), TimeSpan.FromSeconds(30), "a missing-Service finding");
        var app = (await factory.Services.GetRequiredService<Data.Applications.ApplicationCatalog>().FindAsync("catalog", Ct))!;
        await factory.Services.GetRequiredService<OperatorService>().SyncAsync(app, null, "bob", Ct);

        Assert.Equal("", missing.Finding.Path);
        // Other findings may come and go while the console settles after start; this one is the deleted Service's.
        var resolved = Assert.Single(await drift.ListAsync("catalog", open: false, cancellationToken: Ct), f => f.Finding.Id == missing.Finding.Id).Finding;
        Assert.Equal((DriftResolution.Sync, "bob"), (resolved.Resolution, resolved.ResolvedBy));
        var history = await factory.Services.GetRequiredService<OperatorService>().HistoryAsync(app, Ct);
        Assert.Equal("bob", history[0].InitiatedBy);
    }
}
