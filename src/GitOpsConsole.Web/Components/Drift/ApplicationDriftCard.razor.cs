using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Drift;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Drift;

/// <summary>
/// One application on the Drift page: its objects with sync and health, open findings with the object's desired-vs-live
/// diff, resolved history, and the actions. An Argo CD application shows Argo CD's diff and status, said to be from it.
/// </summary>
public partial class ApplicationDriftCard
{
    private const string OperatorOnly = "Needs the Operator role";

    [Parameter, EditorRequired]
    public Application App { get; set; } = default!;

    [Parameter]
    public ApplicationStatus? Status { get; set; }

    /// <summary>The newest comparison, for both sides of each drifted object.</summary>
    [Parameter]
    public ApplicationInspection? Inspection { get; set; }

    /// <summary>For <c>Operator: ArgoCd</c>: Argo CD's latest reading (its diff, or why it could not be read).</summary>
    [Parameter]
    public Web.Drift.ArgoCdDriftView? ArgoCd { get; set; }

    [Parameter]
    public IReadOnlyList<DriftFindingView> Open { get; set; } = [];

    [Parameter]
    public IReadOnlyList<DriftFindingView> Resolved { get; set; } = [];

    [Parameter]
    public bool CanOperate { get; set; }

    [Parameter]
    public bool Syncing { get; set; }

    [Parameter]
    public EventCallback OnSync { get; set; }

    [Parameter]
    public EventCallback<bool> OnSelfHeal { get; set; }

    [Parameter]
    public EventCallback<DriftFindingView> OnIgnore { get; set; }

    private bool IsArgo => App.Operator == OperatorKind.ArgoCd;

    private ObjectInspection? ObjectOf(ResourceKey key) => Inspection?.Objects.FirstOrDefault(o => o.Key == key);

    // The shared chips read an application's status; each object gets one of its own.
    private ApplicationStatus Chip(ResourceStatus resource) =>
        new(App.Name, Status?.Revision, resource.Sync, resource.Health, resource.HealthMessage, [], Status?.ObservedAt ?? default);

    private static string Short(string? json) => json is null ? "—" : json.Length <= 80 ? json : json[..77] + "…";
}
