using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Integrations.Resilience;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// Installation tokens of a GitHub App: <c>POST /app/installations/{id}/access_tokens</c> with the App's
/// JWT, kept until five minutes before GitHub's <c>expires_at</c> (an hour), then renewed.
/// </summary>
public sealed class GitHubAppTokenSource(long appId, long installationId, string privateKeyPem, HttpClient api, TimeProvider time, SecretSet secrets) : IGitHubTokenSource, IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    public SecretSet Secrets => secrets;

    public void Dispose() => _gate.Dispose();

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && fresh.ExpiresAt - RenewBefore > time.GetUtcNow())
        {
            return fresh.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } renewed && renewed.ExpiresAt - RenewBefore > time.GetUtcNow())
            {
                return renewed.Token;
            }

            var jwt = GitHubAppJwt.Create(appId, privateKeyPem, time.GetUtcNow());
            secrets.Add(jwt);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"app/installations/{installationId}/access_tokens", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            using var response = await api.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                ?? throw new InvalidDataException("GitHub answered the installation token request with an empty body.");
            var token = body["token"]?.GetValue<string>() ?? throw new InvalidDataException("GitHub's installation token answer has no token.");
            secrets.Add(token);
            var expires = DateTimeOffset.TryParse(body["expires_at"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : time.GetUtcNow().AddHours(1);
            _current = (token, expires);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
