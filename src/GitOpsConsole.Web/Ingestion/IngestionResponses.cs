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

    /// <summary>202 with each recorded decision; 200 when the whole delivery was seen before.</summary>
    public static IResult Recorded(IReadOnlyList<RecordedDelivery> deliveries)
    {
        var events = deliveries.SelectMany(d => d.Events.Select(e => new
        {
            eventId = e.Id,
            app = e.ApplicationName,
            status = d.Duplicate ? "duplicate" : e.Decision.ToString().ToLowerInvariant(),
            reason = e.Reason,
        })).ToList();
        return deliveries.All(d => d.Duplicate)
            ? Results.Ok(new { status = "duplicate", events })
            : Results.Json(new { status = "accepted", events }, statusCode: StatusCodes.Status202Accepted);
    }
}
