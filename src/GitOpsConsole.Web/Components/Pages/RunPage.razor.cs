using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Rendering;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Pages;

public partial class RunPage : IDisposable
{
    private RunSummary? _summary;
    private bool _missing;
    private IDisposable? _subscription;
    private RenderedManifests? _manifests;
    private readonly LatestRead _reads = new();

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private RunQuery Query { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    // Built on first use: its Git and renderer services exist only where the operator is registered.
    private RenderedManifests Manifests => _manifests ??= new RenderedManifests(
        Services.GetRequiredService<GitMirrorCache>(), Services.GetRequiredService<IGitReader>(), Services.GetRequiredService<IChartRenderer>());

    protected override async Task OnParametersSetAsync()
    {
        _subscription?.Dispose();
        // Every stored change of this run or its steps re-reads it, so the page follows the run without a reload.
        _subscription = Feed.Subscribe(change =>
        {
            if (change.RunId == Id)
            {
                _ = InvokeAsync(ReloadAsync);
            }
        });
        await ReloadAsync();
    }

    private Task ReloadAsync() => _reads.RunAsync(() => Query.GetAsync(Id), summary =>
    {
        _summary = summary;
        _missing = _summary is null;
        StateHasChanged();
    });

    public void Dispose() => _subscription?.Dispose();
}
