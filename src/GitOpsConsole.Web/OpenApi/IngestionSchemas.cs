using System.ComponentModel;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.OpenApi;

// Shapes of the ingestion endpoints' JSON for the OpenAPI document. The endpoints read raw bodies (they must
// verify signatures over the exact bytes) and answer through IngestionResponses, so these records describe them.

/// <summary>The body of <c>POST /api/events</c> and <c>POST /webhooks/generic</c>.</summary>
internal sealed record EventRequestSchema(
    [property: Description("push, image or manual")] string Kind,
    [property: Description("Application name; required for manual events, otherwise matched from repository/branch or image")] string? App = null,
    string? Repository = null,
    [property: Description("e.g. refs/heads/main")] string? Ref = null,
    string? Commit = null,
    [property: Description("Image reference; its repository is matched against applications")] string? Image = null,
    [property: Description("OCI tag; refused when it breaks the tag grammar")] string? Tag = null,
    string? Digest = null,
    string? Author = null,
    string? Message = null,
    DeploymentEngine? Engine = null);

/// <summary>202 (accepted, persisted) or 200 (duplicate): one entry per application the delivery concerns.</summary>
internal sealed record IngestionAnswerSchema(
    [property: Description("accepted or duplicate")] string Status,
    IReadOnlyList<RecordedEventSchema> Events);

internal sealed record RecordedEventSchema(
    Guid EventId,
    string? App,
    [property: Description("accepted, ignored or duplicate")] string Status,
    string? Reason);

/// <summary>200 for a delivery that records nothing: a ping, or an event type that never deploys.</summary>
internal sealed record NotRecordedSchema(
    [property: Description("pong or ignored")] string Status,
    string? Reason = null,
    string? Message = null);

/// <summary>One page of <c>GET /api/events</c>.</summary>
internal sealed record EventPageSchema(IReadOnlyList<EventSchema> Items, int Total);

internal sealed record EventSchema(
    Guid Id, string? App, TriggerKind Kind, string Source, string DeliveryId, string? Repository, string? Ref,
    string? Commit, string? Author, string? Message, string? Image, string? Tag, string? Digest, DeploymentEngine? Engine,
    [property: Description("accepted, ignored or duplicate")] string Status, string? Reason, DateTimeOffset ReceivedAt);
