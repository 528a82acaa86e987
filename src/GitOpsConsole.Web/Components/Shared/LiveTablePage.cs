using GitOpsConsole.Core;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Shared;

/// <summary>
/// A page around one server-paged table that reloads by itself when its feed reports a change
/// while the newest page is shown (older pages stay still so nothing moves under the reader).
/// </summary>
public abstract class LiveTablePage<TItem> : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private int _currentPage;

    protected MudTable<TItem>? Table { get; set; }

    /// <summary>The rows of one page and the total under the current filters.</summary>
    protected abstract Task<(IEnumerable<TItem> Items, int Total)> LoadPageAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Reload on every item of <paramref name="feed"/>, after <paramref name="beforeReload"/> when given.</summary>
    protected void ReloadOn<T>(LiveFeed<T> feed, Func<Task>? beforeReload = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _subscription = feed.Subscribe(_ => InvokeAsync(async () =>
        {
            if (_currentPage == 0 && Table is not null)
            {
                if (beforeReload is not null)
                {
                    await beforeReload();
                }

                await Table.ReloadServerData();
            }
        }));
    }

    protected async Task<TableData<TItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        _currentPage = state.Page;
        var (items, total) = await LoadPageAsync(state.Page, state.PageSize, cancellationToken);
        return new TableData<TItem> { Items = items, TotalItems = total };
    }

    protected async Task SetFilter(Action apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        apply();
        if (Table is not null)
        {
            await Table.ReloadServerData();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
