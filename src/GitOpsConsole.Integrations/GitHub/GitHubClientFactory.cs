using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Resilience;
using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>
/// An Octokit client for github.com or a GitHub Enterprise Server whose HTTP goes through the shared
/// pipeline: retries with back-off and Retry-After, then clear errors with the token redacted.
/// </summary>
public static class GitHubClientFactory
{
    public static IGitHubClient Create(GitHubOptions options, string token, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException(
                $"No GitHub token: set the environment variable {options.TokenEnvironmentVariable} (GitOps:GitHub:TokenEnvironmentVariable).", nameof(token));
        }

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var apiUrl))
        {
            throw new ArgumentException($"GitOps:GitHub:ApiUrl: '{options.ApiUrl}' is not an absolute URL (e.g. https://api.github.com/).", nameof(options));
        }

        var settings = new ServiceHttpSettings { MaxRetries = options.MaxRetries };
        var adapter = new HttpClientAdapter(() =>
            ServiceHttpPipeline.Create(new GitHubErrorAdvisor(), settings, [token], time, logger, network));
        var connection = new Connection(
            new ProductHeaderValue("GitOpsConsole"),
            EnterpriseAware(apiUrl),
            new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)),
            adapter,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    // Relative API paths resolve under the base only when it ends in '/': https://HOST/api/v3 would lose its v3.
    private static Uri EnterpriseAware(Uri apiUrl) =>
        apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
}
