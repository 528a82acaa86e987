using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Agent;

/// <summary>
/// The open-questions badge, live from <see cref="QuestionFeed"/>. The panel opens as a full-height dialog at the right
/// edge: the dialog provider sits at the layout's root, outside the app bar, whose blur filter would pin a fixed
/// child (a drawer) to itself.
/// </summary>
public partial class QuestionsDrawer : IDisposable
{
    private static readonly DialogOptions Panel = new()
    {
        Position = DialogPosition.CenterRight, MaxWidth = MaxWidth.Small, FullWidth = true,
        CloseOnEscapeKey = true, BackdropClick = true, NoHeader = true, CloseButton = false,
    };

    private IDisposable? _subscription;
    private int _count;
    private readonly LatestRead _reads = new();

    [Inject]
    private QuestionStore Questions { get; set; } = default!;

    [Inject]
    private QuestionFeed Feed { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.Subscribe(change =>
        {
            if (change.QuestionId is not null)
            {
                _ = InvokeAsync(ReloadAsync);
            }
        });
        await ReloadAsync();
    }

    private Task ReloadAsync() => _reads.RunAsync(async () => (await Questions.OpenAsync()).Count, open =>
    {
        _count = open;
        StateHasChanged();
    });

    private Task<IDialogReference> OpenAsync() => Dialogs.ShowAsync<OpenQuestionsPanel>("Open questions", Panel);

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
