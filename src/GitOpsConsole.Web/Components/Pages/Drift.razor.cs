using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Drift;
using GitOpsConsole.Web.Operator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

/// <summary>
/// The Drift page: every application's objects, open and resolved findings, and Sync now / Self-heal /
/// Ignore this field for Operators. Re-reads the findings when the drift feed says they changed and
/// re-renders on status changes; nothing polls.
/// </summary>
public partial class Drift : IDisposable
{
    private const int ResolvedShown = 20;
    private IReadOnlyList<Application>? _applications;
    private IReadOnlyList<DriftFindingView> _findings = [];
    private readonly HashSet<string> _syncing = new(StringComparer.Ordinal);
    private bool _canOperate;
    private string _user = "unknown";
    private IDisposable? _driftSubscription;
    private IDisposable? _statusSubscription;

    [Inject] private ApplicationCatalog Catalog { get; set; } = default!;
    [Inject] private DriftStore Store { get; set; } = default!;
    [Inject] private DriftFeed Feed { get; set; } = default!;
    [Inject] private ApplicationStatusFeed Statuses { get; set; } = default!;
    [Inject] internal OperatorService Operator { get; set; } = default!;
    [Inject] internal ArgoCdDriftRefresher ArgoDrift { get; set; } = default!;
    [Inject] internal ManualSync Manual { get; set; } = default!;
    [Inject] internal SelfHealSwitch SelfHeal { get; set; } = default!;
    [Inject] internal DriftIgnore Ignore { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            _user = user.Identity?.Name ?? "unknown";
            _canOperate = (await Authorization.AuthorizeAsync(user, ConsoleRoles.CanOperate)).Succeeded;
        }

        await LoadAsync();
        _driftSubscription = Feed.Subscribe(_ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
        _statusSubscription = Statuses.Subscribe(_ => InvokeAsync(StateHasChanged));
    }

    private async Task LoadAsync()
    {
        _applications = await Catalog.ListConfiguredAsync();
        var open = await Store.ListAsync(null, open: true);
        var resolved = await Store.ListAsync(null, open: false, limit: ResolvedShown * Math.Max(1, _applications.Count));
        _findings = [.. open, .. resolved];
    }

    private IReadOnlyList<DriftFindingView> Findings(string app, bool open) =>
        [.. _findings.Where(f => f.Application == app && (f.Finding.ResolvedAt is null) == open).Take(open ? int.MaxValue : ResolvedShown)];

    private Core.Operator.ApplicationInspection? InspectionOf(Application app) =>
        app.Operator == OperatorKind.ArgoCd ? ArgoDrift.Latest(app.Name)?.Inspection?.Inspection : Operator.LatestInspection(app.Name);

    private async Task SyncAsync(Application app)
    {
        var started = await Manual.StartAsync(app, null, _user, CancellationToken.None);
        if (started.Error is { } error)
        {
            Snackbar.Add(error, Severity.Error);
            return;
        }

        _syncing.Add(app.Name);
        var result = await started.Completion!;
        _syncing.Remove(app.Name);
        Snackbar.Add(result is null ? $"Sync of {app.Name} could not run (see the log)" : $"{app.Name}: {result.Message}",
            result?.Succeeded == true ? Severity.Success : Severity.Error);
    }

    private async Task SetSelfHealAsync(Application app, bool enabled)
    {
        await SelfHeal.SetAsync(app.Name, enabled, _user, CancellationToken.None);
        _applications = await Catalog.ListConfiguredAsync();
        Snackbar.Add($"Self-heal of {app.Name} is {(enabled ? "on" : "off")}", Severity.Success);
    }

    private async Task IgnoreAsync(DriftFindingView finding)
    {
        var f = finding.Finding;
        var outcome = await Ignore.IgnoreAsync(finding.Application, f.Group, f.Kind, f.Name, f.Path, _user, CancellationToken.None);
        Snackbar.Add(outcome.Error ?? $"{f.Path} of {f.Kind} {f.Name} is ignored from now on", outcome.Error is null ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    public void Dispose()
    {
        _driftSubscription?.Dispose();
        _statusSubscription?.Dispose();
    }
}
