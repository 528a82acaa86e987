using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Events
{
    private MudTable<TriggerEvent>? _table;
    private IReadOnlyList<string> _applications = [];
    private IDisposable? _subscription;
    private string? _application;
    private EventDecision? _decision;
    private int _currentPage;

    [Inject]
    private EventQuery Query { get; set; } = default!;

    [Inject]
    private EventFeed Feed { get; set; } = default!;

    [Inject]
    private ApplicationCatalog Catalog { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _applications = [.. (await Catalog.ListAsync()).Select(a => a.Name)];
        // A new event shows up on its own while the newest page is open.
        _subscription = Feed.Subscribe(_ => InvokeAsync(async () =>
        {
            if (_currentPage == 0 && _table is not null)
            {
                await _table.ReloadServerData();
            }
        }));
    }

    private async Task<TableData<TriggerEvent>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _currentPage = state.Page;
        var page = await Query.PageAsync(_application, _decision, state.Page, state.PageSize, cancellationToken);
        return new TableData<TriggerEvent> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task SetFilter(Action apply)
    {
        apply();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
