using System.Net;
using System.Text.Json;
using GitOpsConsole.Integrations.Resilience;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>GitHub's error bodies (<c>{"message": …, "errors": [...], "documentation_url": …}</c>) and what each refusal asks of the operator.</summary>
public sealed class GitHubErrorAdvisor : IServiceErrorAdvisor
{
    public string Service => "GitHub";

    public string ReadMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var details = errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()
                        : e.ValueKind != JsonValueKind.Object ? null
                        : e.TryGetProperty("message", out var em) ? em.GetString()
                        : e.TryGetProperty("code", out var code) ? $"{Field(e)} {code.GetString()}" : null)
                    .OfType<string>()
                    .Where(d => !string.IsNullOrWhiteSpace(d));
                message = string.Join("; ", new[] { message }.Concat(details).Where(d => d.Length > 0));
            }

            return message;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    public string Advise(HttpStatusCode status, HttpMethod method, string path, string serviceMessage)
    {
        ArgumentNullException.ThrowIfNull(path);
        return (int)status switch
        {
            401 => "the token is missing, expired or revoked: set a valid token in the environment variable GitOps:GitHub:TokenEnvironmentVariable names",
            403 => $"the token lacks a permission: {Permission(method, path)}",
            404 => "the repository, commit, workflow or pull request does not exist, or the token cannot see it (GitHub answers 404 for private repositories a token may not read): check the application's repository URL and the token's repository access",
            405 => "GitHub will not merge this pull request (not mergeable, or the merge method is not allowed in the repository's settings): check GitOps:GitHub:PullRequests:MergeMethod and the branch protection",
            409 => "the branch moved or conflicts: read the pull request again and retry",
            422 => Unprocessable(path),
            429 => "GitHub is rate limiting this token: lower the request rate or wait for the limit to reset",
            _ => "",
        };
    }

    private static string Field(JsonElement error) =>
        error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() ?? "" : "";

    private static string Permission(HttpMethod method, string path) => path switch
    {
        _ when path.Contains("/statuses/", StringComparison.Ordinal) =>
            "the token needs repo:status scope (fine-grained: Commit statuses read and write)",
        _ when path.Contains("/dispatches", StringComparison.Ordinal) =>
            "the token needs the workflow scope (fine-grained: Actions read and write)",
        _ when path.Contains("/actions/", StringComparison.Ordinal) =>
            "the token needs repo scope (fine-grained: Actions read)",
        _ when path.EndsWith("/merge", StringComparison.Ordinal) =>
            "the token needs repo scope (fine-grained: Contents and Pull requests write), and branch protection must allow it",
        _ when path.Contains("/pulls", StringComparison.Ordinal) && method != HttpMethod.Get =>
            "the token needs repo scope (fine-grained: Pull requests write)",
        _ => "the token needs repo scope (fine-grained: Contents, Commit statuses and Pull requests on this repository)",
    };

    private static string Unprocessable(string path) => path switch
    {
        _ when path.Contains("/dispatches", StringComparison.Ordinal) =>
            "the workflow must have a workflow_dispatch trigger that declares the inputs sent (GitOps:GitHub:Actions:CommitInput and RequestInput), and the ref must be a branch or tag",
        _ when path.Contains("/statuses/", StringComparison.Ordinal) =>
            "the commit must exist in the repository and the status must be pending, success, failure or error",
        _ when path.Contains("/pulls", StringComparison.Ordinal) =>
            "the head branch must be pushed, differ from the base, and have no open pull request already",
        _ => "GitHub refused the request's content",
    };
}
