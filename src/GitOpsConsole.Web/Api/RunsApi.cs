using GitOpsConsole.Data.Agent;
using System.Security.Claims;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Components.Runs;
using GitOpsConsole.Web.Runs;

namespace GitOpsConsole.Web.Api;

/// <summary><c>/api/runs</c>: runs with filters and paging, one run with its steps (everyone signed in), cancel (Operators).</summary>
internal static class RunsApi
{
    public const int MaxPageSize = 200;

    public static void MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/api/runs").WithTags("Runs");

        runs.MapGet("", async (string? app, string? engine, string? status, int? page, int? pageSize, RunQuery query, TimeProvider time, CancellationToken ct) =>
        {
            if (Validate(engine, status, page, pageSize) is { } problem)
            {
                return problem;
            }

            var filter = new RunFilter(app, engine is null ? null : Enum.Parse<DeploymentEngine>(engine, true), status is null ? null : Enum.Parse<RunStatus>(status, true));
            var result = await query.PageAsync(filter, page ?? 0, pageSize ?? 50, ct);
            var now = time.GetUtcNow();
            return Results.Ok(new RunListJson([.. result.Items.Select(r => RunsApiModels.Run(r, now))], result.Total));
        })
            .WithSummary("Runs newest first; filters app, engine (Workflow|Agent), status; page is 0-based, pageSize 1-200 (default 50)")
            .Produces<RunListJson>().ProducesProblem(StatusCodes.Status400BadRequest);

        runs.MapGet("/{id:guid}", async (Guid id, RunQuery query, TraceStore traces, QuestionStore questions, TimeProvider time, CancellationToken ct) =>
            await query.GetAsync(id, ct) is { } summary
                ? Results.Ok(RunsApiModels.Detail(summary, await traces.EntriesAsync(id, ct), await questions.OfRunAsync(id, ct), time.GetUtcNow()))
                : UnknownRun(id))
            .WithSummary("One run with its steps (tool, input, output, log), commits, trace, questions and decision")
            .Produces<RunDetailJson>().ProducesProblem(StatusCodes.Status404NotFound);

        runs.MapPost("/{id:guid}/cancel", async (Guid id, ClaimsPrincipal user, RunQuery query, RunDispatcher dispatcher, CancellationToken ct) =>
        {
            if (await query.GetAsync(id, ct) is not { } summary)
            {
                return UnknownRun(id);
            }

            if (!RunStatusStyle.IsActive(summary.Run.Status) || !await dispatcher.CancelAsync(id, user.Identity?.Name ?? "unknown user", ct))
            {
                var now = await query.GetAsync(id, ct);
                return Results.Problem($"Run {id} has already ended ({now?.Run.Status ?? summary.Run.Status}); only queued and running runs can be cancelled.",
                    statusCode: StatusCodes.Status409Conflict, title: "Run already finished");
            }

            return Results.Json(new { id, status = "cancelling" }, statusCode: StatusCodes.Status202Accepted);
        })
            .RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithSummary("Cancel a queued or running run (Operators); 409 when it has already ended")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult? Validate(string? engine, string? status, int? page, int? pageSize)
    {
        if (engine is not null && !Enum.TryParse<DeploymentEngine>(engine, true, out _))
        {
            return Invalid($"engine '{engine}' is not one of {string.Join(", ", Enum.GetNames<DeploymentEngine>())}.");
        }

        if (status is not null && !Enum.TryParse<RunStatus>(status, true, out _))
        {
            return Invalid($"status '{status}' is not one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
        }

        if (page < 0)
        {
            return Invalid($"page must be 0 or more (pages are 0-based), got {page}.");
        }

        return pageSize is < 1 or > MaxPageSize ? Invalid($"pageSize must be between 1 and {MaxPageSize}, got {pageSize}.") : null;
    }

    private static IResult Invalid(string why) => Results.Problem(why, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    private static IResult UnknownRun(Guid id) =>
        Results.Problem($"There is no run {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown run");
}
