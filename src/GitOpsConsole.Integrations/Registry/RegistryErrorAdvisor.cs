using System.Net;
using System.Text.Json;
using GitOpsConsole.Integrations.Resilience;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>The distribution spec's error bodies (<c>{"errors":[{"code","message","detail"}]}</c>) and what each refusal asks for.</summary>
public sealed class RegistryErrorAdvisor(string host) : IServiceErrorAdvisor
{
    public string Service => $"Registry {host}";

    public string ReadMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    $"{(e.TryGetProperty("code", out var c) ? c.GetString() : "")}: {(e.TryGetProperty("message", out var m) ? m.GetString() : "")}"));
            }

            // Token services answer {"details": …} or {"error": …}.
            return json.RootElement.TryGetProperty("details", out var d) ? d.ToString()
                : json.RootElement.TryGetProperty("error", out var e2) ? e2.ToString() : "";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    public string Advise(HttpStatusCode status, HttpMethod method, string path, string serviceMessage) => (int)status switch
    {
        401 => $"the registry wants credentials it did not get or refused: set GitOps:Registries (Host {host}) Username and PasswordEnvironmentVariable (GHCR: a token with read:packages; Harbor: a robot account with pull)",
        403 => "the credentials may not pull this repository: grant pull access to the account",
        404 => "the repository or tag does not exist on this registry: check the application's ImageRepository",
        429 => "the registry is rate limiting (Docker Hub limits anonymous pulls): configure credentials or lower RequestsPerSecond",
        _ => "",
    };
}
