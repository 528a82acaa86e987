using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Operator;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Overview
{
    private IReadOnlyList<Application>? _applications;
    private IReadOnlyDictionary<string, TriggerEvent> _latest = new Dictionary<string, TriggerEvent>();
    private IDisposable? _subscription;

    [Inject]
    private ApplicationCatalog Catalog { get; set; } = default!;

    [Inject]
    private EventQuery Events { get; set; } = default!;

    [Inject]
    private EventFeed Feed { get; set; } = default!;

    [Inject]
    private ApplicationStatusFeed Statuses { get; set; } = default!;

    private IDisposable? _statusSubscription;

    private ApplicationStatus? Status(Application app) => Statuses.Latest.GetValueOrDefault(app.Name);

    protected override async Task OnInitializedAsync()
    {
        _applications = await Catalog.ListConfiguredAsync();
        _latest = await Events.LatestPerApplicationAsync();
        // Each recorded event updates its application's row without a reload.
        _subscription = Feed.Subscribe(recorded => InvokeAsync(() =>
        {
            if (recorded.ApplicationName is { } name)
            {
                _latest = new Dictionary<string, TriggerEvent>(_latest, StringComparer.Ordinal) { [name] = recorded };
                StateHasChanged();
            }
        }));
        _statusSubscription = Statuses.Subscribe(_ => InvokeAsync(StateHasChanged));
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _statusSubscription?.Dispose();
    }
}
