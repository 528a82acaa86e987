using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.ArgoCd;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.ArgoCd;

/// <summary>cluster.events and cluster.logs of an Argo CD application, read through Argo CD's API from its destination cluster.</summary>
public sealed class ArgoCdDiagnosticsToolTests : IAsyncLifetime
{
    private readonly InstantTimeProvider _time = new();
    private FakeArgoCd _argo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    private ArgoCdDiagnosticsTool Tool(Func<Application, string>? argoName = null) =>
        new(ArgoCdTestApp.Client(_argo, _time), argoName ?? (a => a.Name));

    [Fact]
    public async Task Events_OfTheArgoApplication_MappedNewestFirst()
    {
        var events = await Tool().EventsAsync(ArgoCdTestApp.Storefront(), 10, Ct);

        var backOff = Assert.Single(events);
        Assert.Equal(("Warning", "BackOff", "Pod/storefront-7d9f-abcde", 4), (backOff.Type, backOff.Reason, backOff.Involved, backOff.Count));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), backOff.LastSeen);
    }

    [Fact]
    public async Task Logs_NoPodNamed_ReadsTheCrashLoopingPodsPreviousRunThroughArgoCd()
    {
        var log = await Tool().LogsAsync(ArgoCdTestApp.Storefront(), null, 50, Ct);

        Assert.Equal("storefront-7d9f-abcde", log.Pod);
        var container = Assert.Single(log.Containers);
        Assert.Equal(("storefront", true), (container.Container, container.Previous));
        Assert.Equal(["starting storefront 1.4.2", "reading config /etc/storefront/app.yaml", "panic: missing key database.url"], container.Lines);
        var request = Assert.Single(_argo.Service.Matching("GET", "/api/v1/applications/storefront/logs"));
        Assert.Contains("podName=storefront-7d9f-abcde", request.Path, StringComparison.Ordinal);
        Assert.Contains("container=storefront", request.Path, StringComparison.Ordinal);
        Assert.Contains("tailLines=50", request.Path, StringComparison.Ordinal);
        Assert.Contains("previous=true", request.Path, StringComparison.Ordinal);
        Assert.Contains("follow=false", request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_TailShorterThanTheLog_KeepsTheLastLines()
    {
        var log = await Tool().LogsAsync(ArgoCdTestApp.Storefront(), "storefront-7d9f-abcde", 1, Ct);

        Assert.Equal(["panic: missing key database.url"], Assert.Single(log.Containers).Lines);
    }

    [Fact]
    public async Task Logs_HealthyPodNamed_ReadsItsCurrentRun()
    {
        var log = await Tool().LogsAsync(ArgoCdTestApp.Storefront(), "storefront-7d9f-fghij", 50, Ct);

        var container = Assert.Single(log.Containers);
        Assert.False(container.Previous);
        Assert.Equal(["starting storefront 1.4.2", "listening on :8080"], container.Lines);
    }

    [Fact]
    public async Task Logs_UnknownPod_NamesTheApplicationsPods()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Tool().LogsAsync(ArgoCdTestApp.Storefront(), "kube-apiserver", 50, Ct));

        Assert.Equal("No pod 'kube-apiserver' in storefront's Argo CD application storefront; its pods are: storefront-7d9f-abcde, storefront-7d9f-fghij.", error.Message);
    }

    [Fact]
    public async Task Logs_ArgoNameDiffersFromTheConsoles_AsksArgoCdByItsName()
    {
        _argo.Name = "storefront-prod";

        var log = await Tool(_ => "storefront-prod").LogsAsync(ArgoCdTestApp.Storefront(), null, 50, Ct);

        Assert.Equal("storefront-7d9f-abcde", log.Pod);
        Assert.Single(_argo.Service.Matching("GET", "/api/v1/applications/storefront-prod/logs"));
    }
}
