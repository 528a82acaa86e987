namespace GitOpsConsole.Web.OpenApi;

/// <summary>
/// The OpenAPI document of the HTTP surface at <c>/openapi/v1.json</c>: <c>/api/*</c> and <c>/webhooks/*</c>, with
/// how each is authenticated. JSON names and enums follow the host's HTTP JSON options (camelCase, enums as strings).
/// </summary>
internal static class OpenApiRegistration
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static void AddConsoleOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("webhooks/", StringComparison.Ordinal));
            options.AddDocumentTransformer<ConsoleDocumentInfo>();
            options.AddOperationTransformer<EndpointSecurity>();
        });

    /// <summary>Readable without signing in: it describes the surface and exposes no data.</summary>
    public static void MapConsoleOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
}
