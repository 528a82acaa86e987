using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Auditing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Audit
{
    private IReadOnlyList<string> _actions = [];
    private string? _actor;
    private string? _action;
    private string _outcome = "any";
    private DateRange? _range;
    private string? _text;

    [Inject]
    private AuditQuery Query { get; set; } = default!;

    [Inject]
    private AuditFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actions = await Query.ActionsAsync();
        // A new entry may bring a new action to filter by.
        ReloadOn(Feed, async () => _actions = await Query.ActionsAsync());
    }

    protected override async Task<(IEnumerable<AuditEntry> Items, int Total)> LoadPageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var result = await Query.PageAsync(CurrentFilter(), page, pageSize, cancellationToken);
        return (result.Items, result.Total);
    }

    private AuditFilter CurrentFilter() => new(
        Actor: _actor,
        Action: _action,
        Succeeded: _outcome switch { "succeeded" => true, "failed" => false, _ => null },
        From: _range?.Start is { } start ? new DateTimeOffset(start.Date, TimeSpan.Zero) : null,
        To: _range?.End is { } end ? new DateTimeOffset(end.Date.AddDays(1), TimeSpan.Zero) : null,
        Text: _text);
}
