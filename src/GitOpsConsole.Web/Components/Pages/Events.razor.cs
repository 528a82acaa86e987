using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Events
{
    private IReadOnlyList<string> _applications = [];
    private string? _application;
    private EventDecision? _decision;

    [Inject]
    private EventQuery Query { get; set; } = default!;

    [Inject]
    private EventFeed Feed { get; set; } = default!;

    [Inject]
    private ApplicationCatalog Catalog { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _applications = [.. (await Catalog.ListConfiguredAsync()).Select(a => a.Name)];
        ReloadOn(Feed);
    }

    protected override async Task<(IEnumerable<TriggerEvent> Items, int Total)> LoadPageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var result = await Query.PageAsync(_application, _decision, page, pageSize, cancellationToken);
        return (result.Items, result.Total);
    }
}
