using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Users;
using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

public partial class Users
{
    private IReadOnlyList<UserAccount> _users = [];
    private string _newName = "";
    private UserRole _newRole = UserRole.Viewer;
    private UserChangeResult? _result;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private UserStore Store { get; set; } = default!;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private async Task ReloadAsync() => _users = await Store.ListAsync();

    private async Task CreateAsync()
    {
        _result = await Administration.CreateAsync(await ActorAsync(), _newName, _newRole);
        if (_result.Succeeded)
        {
            _newName = "";
            await ReloadAsync();
        }
    }

    private async Task ChangeRoleAsync(string userName, UserRole role)
    {
        _result = await Administration.ChangeRoleAsync(await ActorAsync(), userName, role);
        await ReloadAsync();
    }

    private async Task DeleteAsync(string userName)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete user", $"Delete '{userName}'? They will no longer be able to sign in.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _result = await Administration.DeleteAsync(await ActorAsync(), userName);
        await ReloadAsync();
    }
}
