using System.Net;
using System.Text.Json;
using GitOpsConsole.Integrations.Resilience;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>Argo CD's gRPC-gateway error bodies (<c>{"error": …, "code": N, "message": …}</c>) and what each refusal asks for.</summary>
public sealed class ArgoCdErrorAdvisor : IServiceErrorAdvisor
{
    public string Service => "Argo CD";

    public string ReadMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? ""
                : json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    public string Advise(HttpStatusCode status, HttpMethod method, string path, string serviceMessage)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(serviceMessage);
        return (int)status switch
        {
            401 => "the token is invalid or expired: create one with 'argocd account generate-token --account <account>' and set it in the environment variable GitOps:ArgoCd:TokenEnvironmentVariable names",
            403 => $"the account lacks an RBAC permission: grant 'p, role:gitops-console, applications, {Action(path)}, <project>/<application>, allow' in argocd-rbac-cm",
            404 => "Argo CD has no such application (or hides it from this account): check GitOps:Applications:<i>:ArgoCd:Application (default: the console application's name) and the application's project",
            400 when serviceMessage.Contains("auto-sync", StringComparison.OrdinalIgnoreCase) =>
                "Argo CD refuses a rollback while auto-sync is on: roll back with a Git revert instead (the console's rollback does)",
            400 when serviceMessage.Contains("operation is already in progress", StringComparison.OrdinalIgnoreCase) =>
                "wait for the running sync to finish, or terminate it in Argo CD",
            409 => "the application changed meanwhile: read it again and retry",
            _ => "",
        };
    }

    private static string Action(string path) => path switch
    {
        _ when path.Contains("/sync", StringComparison.Ordinal) || path.Contains("/rollback", StringComparison.Ordinal) => "sync",
        _ => "get",
    };
}
