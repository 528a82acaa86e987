using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Agent;

/// <summary>The open questions across runs, live from <see cref="QuestionFeed"/>: an answered one leaves the list by itself.</summary>
public partial class OpenQuestionsPanel : IDisposable
{
    private IReadOnlyList<Question> _open = [];
    private IReadOnlyDictionary<Guid, string> _apps = new Dictionary<Guid, string>();
    private IDisposable? _subscription;
    private bool _canAnswer;
    private readonly LatestRead _reads = new();

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private QuestionStore Questions { get; set; } = default!;

    [Inject]
    private QuestionFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canAnswer = (await Authorization.AuthorizeAsync((await AuthenticationState).User, ConsoleRoles.CanOperate)).Succeeded;
        _subscription = Feed.Subscribe(change =>
        {
            if (change.QuestionId is not null)
            {
                _ = InvokeAsync(ReloadAsync);
            }
        });
        await ReloadAsync();
    }

    private Task ReloadAsync() => _reads.RunAsync(async () =>
    {
        var open = await Questions.OpenAsync();
        return (open, await Questions.ApplicationsOfRunsAsync(open.Select(q => q.RunId)));
    }, read =>
    {
        (_open, _apps) = read;
        StateHasChanged();
    });

    private void Close() => Dialog.Close();

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
