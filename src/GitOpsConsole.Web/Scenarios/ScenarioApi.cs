using GitOpsConsole.Data.Scenarios;
using GitOpsConsole.Web.Auth;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// <c>/api/scenarios</c>: the scenario files (and the ones skipped, with why), starting one or all (Operators), a
/// scenario run's comparison, and a "Run all" report as Markdown or JSON — the export of the report page.
/// </summary>
internal static class ScenarioApi
{
    public static void MapScenarioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/scenarios").WithTags("Scenarios");
        api.MapGet("", (ScenarioCatalog catalog) => Results.Ok(new
        {
            scenarios = catalog.Scenarios.Select(s => new { s.Name, s.Title, s.Description, s.Application, s.File, expect = new { workflow = s.Workflow, agent = s.Agent } }),
            skipped = catalog.Errors,
        })).WithSummary("The scenarios loaded at start, and the files skipped with the problem (file and field named)");

        api.MapPost("/{name}/runs", async (string name, ScenarioCatalog catalog, ScenarioLab lab) =>
        {
            if (catalog.Find(name) is not { } scenario)
            {
                return Results.Problem($"No scenario named '{name}'; GET /api/scenarios lists them.", statusCode: StatusCodes.Status404NotFound);
            }

            var run = await lab.StartAsync(scenario);
            return Results.Accepted($"/api/scenarios/runs/{run.Id}", new { scenarioRunId = run.Id });
        })
            .RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithSummary("Play one scenario in twin worlds (Operators); 202 with the scenario run's id");

        api.MapPost("/runs", async (ScenarioLab lab) => Results.Accepted(null as string, new { batchId = await lab.StartAllAsync() }))
            .RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithSummary("Run all scenarios (Operators); 202 with the batch id of the report");

        api.MapGet("/runs/{id:guid}", async (Guid id, ScenarioRunStore store, ComparisonReader reader, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } run
                ? Results.Ok(new { run.Id, run.Scenario, run.Status, run.Error, comparison = await reader.OfScenarioRunAsync(run, ct) })
                : Results.Problem($"No scenario run {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("A scenario run: its status and, once both runs exist, the comparison (metrics, criteria, verdict, steps)");

        api.MapGet("/reports/{batch:guid}", async (Guid batch, string? format, ScenarioRunStore store, ComparisonReader reader, TimeProvider time, CancellationToken ct) =>
        {
            if (format is not (null or "markdown" or "json"))
            {
                return Results.Problem($"format '{format}' is not markdown or json.", statusCode: StatusCodes.Status400BadRequest);
            }

            var runs = await store.BatchAsync(batch, ct);
            if (runs.Count == 0)
            {
                return Results.Problem($"No \"Run all\" batch {batch}.", statusCode: StatusCodes.Status404NotFound);
            }

            var report = await reader.ReportAsync(runs, runs.Max(r => r.FinishedAt ?? r.CreatedAt), ct);
            return format == "json"
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(report.ToJson()), "application/json", $"scenario-report-{batch:N}.json")
                : Results.File(System.Text.Encoding.UTF8.GetBytes(report.ToMarkdown()), "text/markdown", $"scenario-report-{batch:N}.md");
        }).WithSummary("A \"Run all\" report as Markdown (default) or JSON (format=json): the export of the report page");
    }
}
