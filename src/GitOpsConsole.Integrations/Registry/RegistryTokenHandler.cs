using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>
/// The distribution spec's token flow: a request answered 401 with a Bearer challenge gets a token
/// from the realm (with Basic credentials when configured) and is sent again with it. Tokens are kept
/// per repository until shortly before <c>expires_in</c>, so later requests carry one from the start.
/// </summary>
public sealed class RegistryTokenHandler(HttpMessageInvoker tokenService, RegistryCredential? credential, TimeProvider time) : DelegatingHandler
{
    // The spec's default lifetime when the token service names none.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var repository = RepositoryOf(request.RequestUri);
        if (_tokens.TryGetValue(repository, out var cached) && cached.Expires > time.GetUtcNow())
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cached.Token);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        if (BearerChallenge.From(response) is { } challenge)
        {
            var token = await FetchTokenAsync(challenge, cancellationToken);
            _tokens[repository] = token;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        else if (credential is not null && response.Headers.WwwAuthenticate.Any(h => h.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Authorization = credential.Basic();
        }
        else
        {
            return response;
        }

        response.Dispose();
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<(string Token, DateTimeOffset Expires)> FetchTokenAsync(BearerChallenge challenge, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, challenge.TokenUri());
        if (credential is not null)
        {
            request.Headers.Authorization = credential.Basic();
        }

        using var response = await tokenService.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new InvalidDataException($"The token service {challenge.Realm} answered with an empty body.");
        var token = (string?)json["token"] ?? (string?)json["access_token"]
            ?? throw new InvalidDataException($"The token service {challenge.Realm} answered without a token.");
        var lifetime = json["expires_in"] is JsonValue v && v.TryGetValue<int>(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;

        // Renewed a little early so a token never expires between the check and the registry's answer.
        return (token, time.GetUtcNow() + lifetime - TimeSpan.FromSeconds(Math.Min(10, lifetime.TotalSeconds / 4)));
    }

    // /v2/<name>/tags/list and /v2/<name>/manifests/<ref>: the token's scope is the repository.
    private static string RepositoryOf(Uri? uri)
    {
        var path = uri?.AbsolutePath ?? "";
        foreach (var marker in new[] { "/tags/", "/manifests/", "/blobs/" })
        {
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return path[..at];
            }
        }

        return path;
    }
}

/// <summary>A registry user and password; <see cref="ToString"/> hides the password.</summary>
public sealed record RegistryCredential(string Username, string Password)
{
    public AuthenticationHeaderValue Basic() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));

    public override string ToString() => $"RegistryCredential {{ Username = {Username}, Password = *** }}";
}
