using System.Net.Http.Headers;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Resilience;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.ArgoCd;

public static class ArgoCdClientFactory
{
    public static ArgoCdClient Create(ArgoCdOptions options, string token, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var server))
        {
            throw new ArgumentException($"GitOps:ArgoCd:ServerUrl: '{options.ServerUrl}' is not an absolute URL (e.g. https://argocd.example.com/).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException($"No Argo CD token: set the environment variable {options.TokenEnvironmentVariable} (GitOps:ArgoCd:TokenEnvironmentVariable).", nameof(token));
        }

        var handler = ServiceHttpPipeline.Create(new ArgoCdErrorAdvisor(), new ServiceHttpSettings { MaxRetries = options.MaxRetries }, [token], time, logger, network);
        var http = new HttpClient(handler) { BaseAddress = new Uri(server.AbsoluteUri.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ArgoCdClient(http);
    }
}
