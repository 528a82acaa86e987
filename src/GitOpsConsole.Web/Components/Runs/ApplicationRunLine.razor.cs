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
    private int _reads;

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

    // A run in progress wins over a newer queued one: it is what the cluster is going through now. Only the latest
    // of overlapping reads is shown, so a slow read of an older state never overwrites a newer one.
    private async Task LoadAsync()
    {
        var read = ++_reads;
        Run? run;
        var active = await Query.ActiveOfApplicationAsync(Application.Id);
        var current = active.FirstOrDefault(r => r.Status != RunStatus.Queued) ?? (active.Count > 0 ? active[0] : null);
        if (current is not null)
        {
            run = (await Query.GetAsync(current.Id))?.Run ?? current;
        }
        else
        {
            var latest = (await Query.PageAsync(new RunFilter(Application.Name), 0, 1)).Items;
            run = latest.Count > 0 ? latest[0].Run : null;
        }

        if (read != _reads)
        {
            return;
        }

        _run = run;
        _currentStep = run is not null && RunStatusStyle.IsActive(run.Status) && run.Steps.Count > 0 ? run.Steps[^1].Summary : null;
        _loaded = true;
    }

    public void Dispose() => _subscription?.Dispose();
}
