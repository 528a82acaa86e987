using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Auditing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Audit
{
    private MudTable<AuditEntry>? _table;
    private IReadOnlyList<string> _actions = [];
    private IDisposable? _subscription;
    private string? _actor;
    private string? _action;
    private string _outcome = "any";
    private DateRange? _range;
    private string? _text;
    private int _currentPage;

    [Inject]
    private AuditQuery Query { get; set; } = default!;

    [Inject]
    private AuditFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actions = await Query.ActionsAsync();
        // New entries appear on their own while the newest page is shown.
        _subscription = Feed.Subscribe(_ => InvokeAsync(async () =>
        {
            if (_currentPage == 0 && _table is not null)
            {
                _actions = await Query.ActionsAsync();
                await _table.ReloadServerData();
            }
        }));
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _currentPage = state.Page;
        var page = await Query.PageAsync(CurrentFilter(), state.Page, state.PageSize, cancellationToken);
        return new TableData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private AuditFilter CurrentFilter() => new(
        Actor: _actor,
        Action: _action,
        Succeeded: _outcome switch { "succeeded" => true, "failed" => false, _ => null },
        From: _range?.Start is { } start ? new DateTimeOffset(start.Date, TimeSpan.Zero) : null,
        To: _range?.End is { } end ? new DateTimeOffset(end.Date.AddDays(1), TimeSpan.Zero) : null,
        Text: _text);

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
