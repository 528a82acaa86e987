using System.Security.Claims;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Web.Auth;

namespace GitOpsConsole.Web.Api;

/// <summary>
/// <c>/api/questions</c>: the agent runs' questions (everyone signed in) and answers (Operators or an API token), and
/// <c>/api/runs/{id}/instructions</c>: instructions to a running agent. Answers go through the one
/// <see cref="IQuestionService"/> the chat panel uses too.
/// </summary>
internal static class QuestionsApi
{
    public static void MapQuestionsApi(this IEndpointRouteBuilder endpoints)
    {
        var questions = endpoints.MapGroup("/api/questions").WithTags("Questions");
        questions.MapGet("", async (Guid? runId, string? status, QuestionStore store, CancellationToken ct) =>
        {
            if (status is not (null or "" or "open" or "all"))
            {
                return ApiErrors.Invalid($"'status' must be open or all, got '{status}'.");
            }

            if (status == "all" && runId is null)
            {
                return ApiErrors.Invalid("'status=all' lists one run's questions: give 'runId' too.");
            }

            var list = status == "all" ? await store.OfRunAsync(runId!.Value, ct) : await store.OpenAsync(runId, ct);
            var apps = await store.ApplicationsOfRunsAsync(list.Select(q => q.RunId), ct);
            return Results.Ok(list.Select(q => QuestionJson.Of(q, apps.GetValueOrDefault(q.RunId))));
        })
            .WithSummary("Open questions, oldest first (all runs, or one with runId); status=all with runId lists that run's answered ones too")
            .Produces<IReadOnlyList<QuestionJson>>().ProducesProblem(StatusCodes.Status400BadRequest);

        questions.MapPost("/{id:guid}/answer", async (Guid id, AnswerRequest? body, ClaimsPrincipal user, QuestionStore store, CancellationToken ct) =>
        {
            var outcome = await store.AnswerAsync(id, body?.Answer, user.Identity?.Name ?? "unknown user", ct);
            var app = outcome.Question is { } q ? (await store.ApplicationsOfRunsAsync([q.RunId], ct)).GetValueOrDefault(q.RunId) : null;
            return outcome.Result switch
            {
                AnswerResult.Accepted => Results.Ok(QuestionJson.Of(outcome.Question!, app)),
                AnswerResult.UnknownQuestion => Results.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown question"),
                AnswerResult.Invalid => ApiErrors.Invalid(outcome.Message),
                _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Question already closed"),
            };
        })
            .RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithSummary("Answer an open question (Operators): a choice or free text; approvals take only approve or reject. 409 when already answered, expired or withdrawn")
            .Produces<QuestionJson>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        endpoints.MapPost("/api/runs/{id:guid}/instructions", async (Guid id, InstructionRequest? body, ClaimsPrincipal user, InstructionStore inbox, CancellationToken ct) =>
        {
            var (instruction, error) = await inbox.SendAsync(id, body?.Text, user.Identity?.Name ?? "unknown user", ct);
            return instruction is not null ? Results.Json(InstructionJson.Of(instruction), statusCode: StatusCodes.Status202Accepted)
                : error!.StartsWith("There is no run", StringComparison.Ordinal) ? Results.Problem(error, statusCode: StatusCodes.Status404NotFound, title: "Unknown run")
                : error.StartsWith("The run has already ended", StringComparison.Ordinal) ? Results.Problem(error, statusCode: StatusCodes.Status409Conflict, title: "Run already finished")
                : ApiErrors.Invalid(error);
        })
            .WithTags("Runs").RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithSummary("Send an instruction to a running agent (Operators); it reads it at its next step as the user's message")
            .Produces<InstructionJson>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
