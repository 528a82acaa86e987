using System.Net;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// Turns every error answer that is left after retries into a <see cref="ServiceRequestException"/>
/// that says what to fix, with the service's own message and every known secret redacted.
/// </summary>
public sealed class ErrorTranslationHandler(IServiceErrorAdvisor advisor, IReadOnlyCollection<string> secrets) : DelegatingHandler
{
    private const int MaxBodyCharacters = 2_000;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        using (response)
        {
            var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > MaxBodyCharacters)
            {
                body = body[..MaxBodyCharacters];
            }

            var method = request.Method;
            var path = Redact(request.RequestUri?.PathAndQuery ?? "/");
            var message = Redact(advisor.ReadMessage(body));
            var advice = Redact(advisor.Advise(response.StatusCode, method, path, message));
            if (response.StatusCode == HttpStatusCode.TooManyRequests && string.IsNullOrEmpty(advice))
            {
                advice = "the service is still rate limiting after the retries; lower the request rate or try later";
            }

            throw new ServiceRequestException(advisor.Service, response.StatusCode, method.Method, path, message, advice);
        }
    }

    private string Redact(string text) => Git.SecretRedactor.Redact(text, secrets);
}
