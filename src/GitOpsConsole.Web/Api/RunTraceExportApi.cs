using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Export;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Runs;

namespace GitOpsConsole.Web.Api;

/// <summary>
/// <c>GET /api/runs/{id}/trace?format=markdown|json</c>: an agent run's reasoning trace as a file to attach to a ticket or a
/// post-mortem. The run page's Export buttons link here, so the page and the file read the same store.
/// </summary>
internal static class RunTraceExportApi
{
    private static readonly string[] Formats = ["markdown", "json"];

    public static void MapRunTraceExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{id:guid}/trace", async (Guid id, string? format, RunQuery query, TraceStore traces, CancellationToken ct) =>
        {
            var kind = (format ?? "json").ToLowerInvariant();
            if (!Formats.Contains(kind))
            {
                return Results.Problem($"format '{format}' is not one of {string.Join(", ", Formats)}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
            }

            if (await query.GetAsync(id, ct) is not { } summary)
            {
                return Results.Problem($"There is no run {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown run");
            }

            var header = TraceExportHeader.Of(summary.Run, summary.Application);
            var entries = await traces.EntriesAsync(id, ct);
            var name = $"{summary.Application}-run-{id.ToString()[..8]}-trace";
            return kind == "markdown"
                ? Results.File(Encoding.UTF8.GetBytes(TraceMarkdown.Write(header, entries)), "text/markdown; charset=utf-8", $"{name}.md")
                : Results.File(Encoding.UTF8.GetBytes(Json(header, entries).ToJsonString(AgentJson.Indented)), "application/json", $"{name}.json");
        })
            .WithTags("Runs")
            .WithSummary("An agent run's reasoning trace as a download: format=markdown or json (default); 404 for an unknown run")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static JsonObject Json(TraceExportHeader header, IReadOnlyList<Core.Domain.TraceEntry> entries) => new()
    {
        ["run"] = JsonSerializer.SerializeToNode(header, AgentJson.Options),
        ["entries"] = new JsonArray([.. entries.Select(RunsApiModels.Trace)]),
    };
}
