using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Resilience;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>
/// One client per configured registry: the token flow inside, then retries and pacing at the
/// registry's rate (default 20 requests/s), then errors that say what to fix. The token service gets
/// its own retries and errors, and shares the registry's pace.
/// </summary>
public static class OciRegistryClientFactory
{
    public static OciRegistryClient Create(RegistryOptions options, RegistryCredential? credential, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.ResolveApiUrl(), UriKind.Absolute, out var api))
        {
            throw new ArgumentException($"GitOps:Registries: '{options.ResolveApiUrl()}' for host '{options.Host}' is not an absolute URL.", nameof(options));
        }

        var settings = new ServiceHttpSettings { MaxRetries = options.MaxRetries, RequestsPerSecond = options.RequestsPerSecond };
        var pacer = new RequestPacer(options.RequestsPerSecond, time);
        string[] secrets = credential is null ? [] : [credential.Password];
        var advisor = new RegistryErrorAdvisor(options.Host);
        var tokenService = new HttpMessageInvoker(ServiceHttpPipeline.Create(advisor, settings, secrets, time, logger, network, pacer));
        var handler = ServiceHttpPipeline.Create(advisor, settings, secrets, time, logger, network, pacer,
            [new RegistryTokenHandler(tokenService, credential, time)]);
        var http = new HttpClient(handler) { BaseAddress = new Uri(api.AbsoluteUri.TrimEnd('/') + "/") };
        return new OciRegistryClient(http, new ResponseCache(options.CacheDuration, time));
    }
}
