using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.OpenApi;
using GitOpsConsole.Web.Runs;

namespace GitOpsConsole.Web.Ingestion;

/// <summary><c>POST /api/events</c> (Operators) and <c>GET /api/events</c> (everyone signed in).</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/events", async (HttpRequest request, EventStore store, RunDispatcher runs, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync(request, 64 * 1024, ct);
            if (body is null)
            {
                return IngestionResponses.TooLarge(64 * 1024);
            }

            var delivery = $"api-{Guid.CreateVersion7():N}";
            var parsed = GenericEventParser.Parse(body, EventSources.Api, delivery);
            if (parsed.Outcome != WebhookParseOutcome.Events)
            {
                return await WebhookEndpoints.RecordAsync(parsed, store, ct);
            }

            // The caller gets the run its event started, so a script can follow it (GET /api/runs/{runId}).
            var recorded = new List<RecordedDelivery>();
            foreach (var incoming in parsed.Events)
            {
                recorded.Add(await store.RecordAsync(incoming, ct));
            }

            var started = new Dictionary<Guid, Guid>();
            foreach (var accepted in recorded.Where(d => !d.Duplicate).SelectMany(d => d.Events).Where(e => e.Decision == EventDecision.Accepted))
            {
                if (await runs.EnqueueAsync(accepted, ct) is { } run)
                {
                    started[accepted.Id] = run.Id;
                }
            }

            return IngestionResponses.Recorded(recorded, started);
        }).RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery()
            .WithTags("Events")
            .DescribesIngestion("Record an event (Operators): push, image or manual, matched to applications like a webhook; 202 once persisted")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        endpoints.MapGet("/api/events", async (string? app, EventDecision? decision, int? page, int? pageSize, EventQuery query, CancellationToken ct) =>
        {
            var result = await query.PageAsync(app, decision, page ?? 0, pageSize ?? 50, ct);
            return Results.Ok(new
            {
                items = result.Items.Select(e => new
                {
                    id = e.Id, app = e.ApplicationName, kind = e.Kind, source = e.Source, deliveryId = e.DeliveryId,
                    repository = e.Repository, @ref = e.Ref, commit = e.CommitSha, author = e.Author, message = e.Message,
                    image = e.Image, tag = e.Tag, digest = e.Digest, engine = e.RequestedEngine,
                    status = e.Decision.ToString().ToLowerInvariant(), reason = e.Reason, receivedAt = e.ReceivedAt,
                }),
                total = result.Total,
            });
        })
            .WithTags("Events")
            .WithSummary("Recorded events newest first with their decision (accepted, ignored + reason, duplicate); filters app and decision, page is 0-based")
            .Produces<EventPageSchema>();
    }
}
