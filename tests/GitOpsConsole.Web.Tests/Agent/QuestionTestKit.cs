using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>What question tests share: the run a push started, its open question, and answering it over HTTP.</summary>
internal static class QuestionTestKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The run of <paramref name="commit"/>'s open question, once the run waits for it.</summary>
    public static Task<Question> OpenQuestionAsync(IServiceProvider services, string commit, TimeSpan? timeout = null)
    {
        var runs = services.GetRequiredService<RunQuery>();
        var questions = services.GetRequiredService<IQuestionService>();
        return EventuallyAsync(async () =>
        {
            var run = (await runs.PageAsync(new RunFilter(), 0, 50, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == commit);
            return run is { Run.Status: RunStatus.WaitingForInput } && await questions.OpenAsync(run.Run.Id, Ct) is [var open, ..] ? open : null;
        }, timeout ?? TimeSpan.FromSeconds(90), $"an open question of the run of {commit[..7]}");
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(HttpClient client, Guid questionId, string answer)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/api/questions/{questionId}/answer", UriKind.Relative), new { answer }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Approves every approval of the run of <paramref name="commit"/> until it ends; returns how many it answered.</summary>
    public static async Task<int> ApproveUntilDoneAsync(IServiceProvider services, HttpClient client, string commit)
    {
        var runs = services.GetRequiredService<RunQuery>();
        var questions = services.GetRequiredService<IQuestionService>();
        var answered = new HashSet<Guid>();
        await EventuallyAsync(async () =>
        {
            var run = (await runs.PageAsync(new RunFilter(), 0, 50, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == commit);
            if (run is { Run.FinishedAt: not null })
            {
                return run;
            }

            foreach (var question in run is null ? [] : await questions.OpenAsync(run.Run.Id, Ct))
            {
                var (status, _) = await AnswerAsync(client, question.Id, "approve");
                Assert.Equal(HttpStatusCode.OK, status);
                answered.Add(question.Id);
            }

            return null;
        }, TimeSpan.FromSeconds(120), $"the run of {commit[..7]} approved to its end");
        return answered.Count;
    }
}
