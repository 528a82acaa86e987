using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Agent;

/// <summary>
/// One agent run's questions and instructions, live from <see cref="QuestionFeed"/>: open questions first, then the
/// closed ones and the instructions in time order. Viewers see everything and answer nothing.
/// </summary>
public partial class AgentChat : IDisposable
{
    private IReadOnlyList<Question> _questions = [];
    private List<ChatItem> _history = [];
    private IDisposable? _subscription;
    private bool _canAnswer;
    private string? _instruction;
    private string? _instructionError;
    private readonly LatestRead _reads = new();

    [Parameter, EditorRequired]
    public Guid RunId { get; set; }

    /// <summary>Whether the run has not ended, so it still reads instructions.</summary>
    [Parameter]
    public bool Active { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

    [Inject]
    private InstructionStore Instructions { get; set; } = default!;

    [Inject]
    private QuestionFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canAnswer = (await Authorization.AuthorizeAsync((await AuthenticationState).User, ConsoleRoles.CanOperate)).Succeeded;
        _subscription = Feed.Subscribe(change =>
        {
            if (change.RunId == RunId)
            {
                _ = InvokeAsync(ReloadAsync);
            }
        });
        await ReloadAsync();
    }

    private Task ReloadAsync() => _reads.RunAsync(async () => (await Questions.OfRunAsync(RunId), await Instructions.OfRunAsync(RunId)), read =>
    {
        var (questions, instructions) = read;
        _questions = questions;
        _history = [.. questions.Where(q => q.Status != QuestionStatus.Open).Select(ChatItem.Of).Concat(instructions.Select(ChatItem.Of)).OrderBy(i => i.At)];
        StateHasChanged();
    });

    private async Task SendAsync()
    {
        var user = (await AuthenticationState).User;
        if (!(await Authorization.AuthorizeAsync(user, ConsoleRoles.CanOperate)).Succeeded)
        {
            _instructionError = "Only Operators and Admins can send instructions.";
            return;
        }

        var (sent, error) = await Instructions.SendAsync(RunId, _instruction, user.Identity?.Name ?? "unknown user");
        _instructionError = error;
        _instruction = sent is null ? _instruction : null;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A line of the run's chat history: a closed question with its answer, or an instruction.</summary>
    private sealed record ChatItem(string Kind, DateTimeOffset At, string Title, string Text, string Note, string Icon, Color Color)
    {
        public static ChatItem Of(Question q) => new("question", q.CreatedAt, q.IsApproval ? "Approval" : "Question",
            $"{q.Text}\n→ {q.Answer ?? "(no answer)"}",
            q.Status switch
            {
                QuestionStatus.Answered => $"answered by {q.AnsweredBy}",
                QuestionStatus.Expired => "nobody answered in time: the default was taken",
                _ => "withdrawn: the run ended",
            },
            Icons.Material.Outlined.QuestionAnswer, q.Answer == QuestionRequest.Reject || q.Status != QuestionStatus.Answered ? Color.Warning : Color.Success);

        public static ChatItem Of(Instruction i) => new("instruction", i.SentAt, $"Instruction from {i.SentBy}", i.Text,
            i.ReadAt is null ? "waiting for the agent's next step" : "read by the agent", Icons.Material.Outlined.Campaign, Color.Info);
    }
}
