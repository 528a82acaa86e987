using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GitOpsConsole.Web.OpenApi;

/// <summary>
/// Marks each operation with how it authenticates: endpoints that require a signed-in user take an API token or
/// the cookie (either one); webhooks take their own signature or token.
/// </summary>
internal sealed class EndpointSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = context.Description.RelativePath ?? string.Empty;
        string[] schemes = path switch
        {
            "webhooks/github" => [SecuritySchemes.GitHubSignature],
            "webhooks/generic" => [SecuritySchemes.GenericSignature],
            "webhooks/registry" => [SecuritySchemes.RegistryToken],
            _ when metadata.OfType<IAllowAnonymous>().Any() => [],
            _ => [SecuritySchemes.ApiToken, SecuritySchemes.Cookie],
        };

        if (schemes.Length > 0)
        {
            // Separate requirements are alternatives in OpenAPI: any one of them is enough.
            operation.Security = [.. schemes.Select(scheme => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
            })];
        }

        return Task.CompletedTask;
    }
}
