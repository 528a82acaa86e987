using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Runs;

public partial class ApplicationRunLine : IDisposable
{
    private Run? _run;
    private string? _currentStep;
    private bool _loaded;
    private IDisposable? _subscription;
    private readonly LatestRead _reads = new();

    [Parameter, EditorRequired]
    public Application Application { get; set; } = default!;

    [Inject]
    private RunQuery Query { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.Subscribe(change =>
        {
            if (change.Application == Application.Name)
            {
                _ = InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        });
        await LoadAsync();
    }

    private Task LoadAsync() => _reads.RunAsync(ReadRunAsync, run =>
    {
        _run = run;
        _currentStep = run is not null && RunStatusStyle.IsActive(run.Status) && run.Steps.Count > 0 ? run.Steps[^1].Summary : null;
        _loaded = true;
    });

    // A run in progress wins over a newer queued one: it is what the cluster is going through now.
    private async Task<Run?> ReadRunAsync()
    {
        var active = await Query.ActiveOfApplicationAsync(Application.Id);
        var current = active.FirstOrDefault(r => r.Status != RunStatus.Queued) ?? (active.Count > 0 ? active[0] : null);
        if (current is not null)
        {
            return (await Query.GetAsync(current.Id))?.Run ?? current;
        }

        var latest = (await Query.PageAsync(new RunFilter(Application.Name), 0, 1)).Items;
        return latest.Count > 0 ? latest[0].Run : null;
    }

    public void Dispose() => _subscription?.Dispose();
}
