namespace GitOpsConsole.Web.OpenApi;

/// <summary>The OpenAPI metadata every ingestion endpoint shares: JSON in, a recorded answer or a problem out.</summary>
internal static class IngestionMetadata
{
    public static RouteHandlerBuilder DescribesIngestion(this RouteHandlerBuilder endpoint, string summary) => endpoint
        .WithSummary(summary)
        .Accepts<EventRequestSchema>("application/json")
        .Produces<IngestionAnswerSchema>(StatusCodes.Status202Accepted)
        .Produces<IngestionAnswerSchema>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>For webhooks whose body is the sender's own format (GitHub, registries), not <see cref="EventRequestSchema"/>.</summary>
    public static RouteHandlerBuilder DescribesWebhook(this RouteHandlerBuilder endpoint, string summary, string description) => endpoint
        .WithSummary(summary)
        .WithDescription(description)
        .Accepts<System.Text.Json.JsonElement>("application/json")
        .Produces<IngestionAnswerSchema>(StatusCodes.Status202Accepted)
        .Produces<NotRecordedSchema>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
