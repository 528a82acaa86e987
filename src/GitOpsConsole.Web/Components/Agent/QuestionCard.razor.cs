using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Agent;

/// <summary>Answers through the one <see cref="IQuestionService"/> the API uses; a late answer shows why it was not taken.</summary>
public partial class QuestionCard
{
    private string? _text;
    private string? _error;
    private bool _busy;

    [Parameter, EditorRequired]
    public Question Question { get; set; } = default!;

    [Parameter]
    public bool CanAnswer { get; set; }

    /// <summary>The application, shown with a link to the run where questions of many runs are listed.</summary>
    [Parameter]
    public string? App { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

    private IReadOnlyList<string> Choices => QuestionRules.Choices(Question);

    private static Color ColorOf(string choice) => choice switch
    {
        QuestionRequest.Approve => Color.Success,
        QuestionRequest.Reject => Color.Error,
        _ => Color.Primary,
    };

    private async Task AnswerAsync(string? answer)
    {
        var user = (await AuthenticationState).User;
        // The buttons are disabled for Viewers, but the circuit is the trust boundary: check again.
        if (!(await Authorization.AuthorizeAsync(user, ConsoleRoles.CanOperate)).Succeeded)
        {
            _error = "Only Operators and Admins can answer.";
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Questions.AnswerAsync(Question.Id, answer, user.Identity?.Name ?? "unknown user");
            _error = outcome.Result == AnswerResult.Accepted ? null : outcome.Message;
            _text = outcome.Result == AnswerResult.Accepted ? null : _text;
        }
        finally
        {
            _busy = false;
        }
    }
}
