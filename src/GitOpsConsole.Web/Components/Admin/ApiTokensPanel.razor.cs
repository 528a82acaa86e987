using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GitOpsConsole.Web.Components.Admin;

public partial class ApiTokensPanel
{
    private IReadOnlyList<ApiToken> _tokens = [];
    private string _name = "";
    private UserRole _role = UserRole.Operator;
    private int _days = 90;
    private string? _message;
    private string? _created;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ApiTokenStore Tokens { get; set; } = default!;

    [Inject]
    private IAuditLog Audit { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _tokens = await Tokens.ListAsync();

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private async Task CreateAsync()
    {
        _created = null;
        var name = _name.Trim();
        if (name.Length is 0 or > 64)
        {
            _message = "Give the token a name of 1–64 characters, saying who or what uses it.";
            return;
        }

        var expires = _days > 0 ? Time.GetUtcNow().AddDays(_days) : (DateTimeOffset?)null;
        var actor = await ActorAsync();
        var created = await Tokens.CreateAsync(name, _role, actor, expires);
        if (created is not { } result)
        {
            _message = $"A token named '{name}' already exists.";
            return;
        }

        await Audit.RecordAsync(new AuditRecord(actor, ActorKind.User, AuditActions.ApiTokenCreate, name, Detail: $"role {_role}, prefix {result.Record.Prefix}"));
        _created = result.Token;
        _message = $"Created '{name}' ({_role}). Copy it now; it cannot be shown again.";
        _name = "";
        _tokens = await Tokens.ListAsync();
    }

    private async Task RevokeAsync(string name)
    {
        if (await Tokens.RevokeAsync(name))
        {
            await Audit.RecordAsync(new AuditRecord(await ActorAsync(), ActorKind.User, AuditActions.ApiTokenRevoke, name));
            _message = null;
            _created = null;
        }

        _tokens = await Tokens.ListAsync();
    }
}
