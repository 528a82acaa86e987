using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>How every ingestion endpoint answers, so senders see one vocabulary.</summary>
internal static class IngestionResponses
{
    public static IResult TooLarge(int limit) =>
        Results.Problem($"The body is larger than {limit} bytes (GitOps:Webhooks:MaxBodyBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult Unauthorized(string why) => Results.Problem(why, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Malformed(string why) => Results.Problem(why, statusCode: StatusCodes.Status400BadRequest, title: "Malformed delivery");

    public static IResult NotRecorded(WebhookParseResult result) => result.Outcome == WebhookParseOutcome.Ping
        ? Results.Ok(new { status = "pong", message = result.Message })
        : Results.Ok(new { status = "ignored", reason = result.Message });

    /// <summary>
    /// 202 with each recorded decision (and the run an accepted event started, when the caller queued one);
    /// 200 when the whole delivery was seen before. A delivery of one event also names it at the top level.
    /// </summary>
    public static IResult Recorded(IReadOnlyList<RecordedDelivery> deliveries, IReadOnlyDictionary<Guid, Guid>? runs = null)
    {
        var events = deliveries.SelectMany(d => d.Events.Select(e => new
        {
            eventId = e.Id,
            app = e.ApplicationName,
            status = d.Duplicate ? "duplicate" : e.Decision.ToString().ToLowerInvariant(),
            reason = e.Reason,
            runId = runs is not null && runs.TryGetValue(e.Id, out var run) ? run : (Guid?)null,
        })).ToList();
        var single = events.Count == 1 ? events[0] : null;
        return deliveries.All(d => d.Duplicate)
            ? Results.Ok(new { status = "duplicate", events, eventId = single?.eventId, runId = single?.runId })
            : Results.Json(new { status = "accepted", events, eventId = single?.eventId, runId = single?.runId }, statusCode: StatusCodes.Status202Accepted);
    }
}
