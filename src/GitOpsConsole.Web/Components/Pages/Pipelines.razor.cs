using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Pipelines
{
    private IReadOnlyList<string> _applications = [];
    private string? _application;
    private DeploymentEngine? _engine;
    private RunStatus? _status;

    [Inject]
    private RunQuery Query { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    [Inject]
    private ApplicationCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _applications = [.. (await Catalog.ListConfiguredAsync()).Select(a => a.Name)];
        ReloadOn(Feed);
    }

    protected override async Task<(IEnumerable<RunSummary> Items, int Total)> LoadPageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var result = await Query.PageAsync(new RunFilter(_application, _engine, _status), page, pageSize, cancellationToken);
        return (result.Items, result.Total);
    }

    private void Open(TableRowClickEventArgs<RunSummary> click) => Navigation.NavigateTo($"runs/{click.Item!.Run.Id}");
}
