namespace GitOpsConsole.Web.OpenApi;

/// <summary>The names of the security schemes the document declares.</summary>
internal static class SecuritySchemes
{
    /// <summary><c>Authorization: Bearer gitops_…</c>, an API token an Admin created.</summary>
    public const string ApiToken = "apiToken";

    /// <summary>The sign-in cookie of the UI.</summary>
    public const string Cookie = "cookie";

    /// <summary><c>Authorization: Bearer &lt;GitOps:Webhooks:RegistryToken&gt;</c> on registry notifications.</summary>
    public const string RegistryToken = "registryToken";

    /// <summary><c>X-Hub-Signature-256</c>: HMAC-SHA256 of the body with GitOps:Webhooks:GitHubSecret.</summary>
    public const string GitHubSignature = "githubSignature";

    /// <summary><c>X-Signature-256</c>: HMAC-SHA256 of the body with GitOps:Webhooks:GenericSecret.</summary>
    public const string GenericSignature = "genericSignature";

    public const string CookieName = "gitops-console.auth";
}
