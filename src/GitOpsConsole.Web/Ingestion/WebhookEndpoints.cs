using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Web.OpenApi;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>
/// <c>/webhooks/github</c>, <c>/webhooks/registry</c>, <c>/webhooks/generic</c>: verify, parse,
/// persist, then answer — a 202 means the event is on disk.
/// </summary>
internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks").AllowAnonymous().DisableAntiforgery().WithTags("Webhooks");

        group.MapPost("/github", async (HttpRequest request, IOptions<GitOpsOptions> options, GitHubDeliveries deliveries, CancellationToken ct) =>
        {
            var settings = options.Value.Webhooks;
            var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, ct);
            if (body is null)
            {
                return IngestionResponses.TooLarge(settings.MaxBodyBytes);
            }

            if (Verify(settings.GitHubSecret, settings.AllowUnsigned, body, request.Headers["X-Hub-Signature-256"], "GitOps:Webhooks:GitHubSecret") is { } refused)
            {
                return refused;
            }

            var delivery = request.Headers["X-GitHub-Delivery"].ToString();
            return await deliveries.RecordAsync(GitHubWebhookParser.Parse(request.Headers["X-GitHub-Event"], delivery, body), delivery, ct);
        }).DescribesWebhook("GitHub webhook deliveries",
            "push, pull_request, release, registry_package, package, workflow_run and ping, as GitHub sends them (X-GitHub-Event, X-GitHub-Delivery as the dedupe key). "
            + "202 once persisted, or for a workflow_run the console follows (status followed); 200 for ping, event types that never deploy, and a delivery seen before.");

        group.MapPost("/registry", async (HttpRequest request, IOptions<GitOpsOptions> options, EventStore store, CancellationToken ct) =>
        {
            var settings = options.Value.Webhooks;
            if (!string.IsNullOrEmpty(settings.RegistryToken) && request.Headers.Authorization != $"Bearer {settings.RegistryToken}")
            {
                return IngestionResponses.Unauthorized("A registry notification needs 'Authorization: Bearer <GitOps:Webhooks:RegistryToken>'.");
            }

            var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, ct);
            return body is null
                ? IngestionResponses.TooLarge(settings.MaxBodyBytes)
                : await RecordAsync(RegistryWebhookParser.Parse(body), store, ct);
        }).DescribesWebhook("Registry push notifications",
            "Distribution (Docker registry, the sandbox registry), Docker Hub and Harbor push payloads; each pushed tag becomes an ImageRelease event. "
            + "202 once persisted; 200 when nothing in it deploys or it was seen before.");

        group.MapPost("/generic", async (HttpRequest request, IOptions<GitOpsOptions> options, EventStore store, CancellationToken ct) =>
        {
            var settings = options.Value.Webhooks;
            var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, ct);
            if (body is null)
            {
                return IngestionResponses.TooLarge(settings.MaxBodyBytes);
            }

            if (Verify(settings.GenericSecret, settings.AllowUnsigned, body, request.Headers["X-Signature-256"], "GitOps:Webhooks:GenericSecret") is { } refused)
            {
                return refused;
            }

            var delivery = request.Headers["X-Delivery-Id"].ToString() is { Length: > 0 } id ? id : WebhookSignature.Sign("generic", body)[7..39];
            return await RecordAsync(GenericEventParser.Parse(body, EventSources.Generic, delivery), store, ct);
        }).DescribesIngestion("Signed events from any sender (X-Delivery-Id as the dedupe key); the body of POST /api/events");
    }

    internal static async Task<IResult> RecordAsync(WebhookParseResult parsed, EventStore store, CancellationToken ct)
    {
        if (parsed.Outcome == WebhookParseOutcome.Malformed)
        {
            return IngestionResponses.Malformed(parsed.Message!);
        }

        if (parsed.Outcome != WebhookParseOutcome.Events)
        {
            return IngestionResponses.NotRecorded(parsed);
        }

        var recorded = new List<RecordedDelivery>();
        foreach (var incoming in parsed.Events)
        {
            recorded.Add(await store.RecordAsync(incoming, ct));
        }

        return IngestionResponses.Recorded(recorded);
    }

    private static IResult? Verify(string? secret, bool allowUnsigned, byte[] body, string? signature, string key)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return allowUnsigned ? null : IngestionResponses.Unauthorized($"No {key} is configured, and unsigned deliveries are refused (GitOps:Webhooks:AllowUnsigned=false).");
        }

        return WebhookSignature.IsValid(secret, body, signature) ? null : IngestionResponses.Unauthorized("The signature does not match the body.");
    }
}
