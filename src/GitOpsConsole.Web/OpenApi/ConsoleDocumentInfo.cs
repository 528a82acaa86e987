using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GitOpsConsole.Web.OpenApi;

/// <summary>Title, description and the security schemes the operations refer to.</summary>
internal sealed class ConsoleDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "GitOps Console",
            Version = "v1",
            Description = "Events, webhooks and the console's API. `/api/*` takes an API token (`Authorization: Bearer gitops_…`) "
                + "or the UI's sign-in cookie, with the roles of the UI; webhooks authenticate by signature or token.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [SecuritySchemes.ApiToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "gitops_…",
                Description = "An API token created by an Admin (Admin → API tokens); it carries the role it was given.",
            },
            [SecuritySchemes.Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = SecuritySchemes.CookieName,
                Description = "The UI's sign-in cookie (browser sessions).",
            },
            [SecuritySchemes.RegistryToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "GitOps:Webhooks:RegistryToken, when one is configured (or generated for the hosted sandbox).",
            },
            [SecuritySchemes.GitHubSignature] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Hub-Signature-256",
                Description = "sha256=<HMAC-SHA256 of the body with GitOps:Webhooks:GitHubSecret>, as GitHub signs deliveries.",
            },
            [SecuritySchemes.GenericSignature] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Signature-256",
                Description = "sha256=<HMAC-SHA256 of the body with GitOps:Webhooks:GenericSecret>.",
            },
        };
        return Task.CompletedTask;
    }
}
