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

        return Create(options, new StaticGitHubToken(token), time, logger, network);
    }

    /// <summary>A client whose token is asked for before each request (a GitHub App's tokens are renewed hourly).</summary>
    public static IGitHubClient Create(GitHubOptions options, IGitHubTokenSource tokens, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        var adapter = new HttpClientAdapter(() => Pipeline(options, tokens.Secrets, time, logger, network));
        var connection = new Connection(
            new ProductHeaderValue("GitOpsConsole"),
            ApiRoot(options),
            new TokenCredentialStore(tokens),
            adapter,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    /// <summary>A plain HTTP client on the API root through the same pipeline (GitHub App token requests).</summary>
    public static HttpClient CreateHttpClient(GitHubOptions options, SecretSet secrets, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient(Pipeline(options, secrets, time, logger, network)) { BaseAddress = ApiRoot(options) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("GitOpsConsole");
        return http;
    }

    private static HttpMessageHandler Pipeline(GitHubOptions options, SecretSet secrets, TimeProvider time, ILogger logger, HttpMessageHandler? network) =>
        ServiceHttpPipeline.Create(new GitHubErrorAdvisor(), new ServiceHttpSettings { MaxRetries = options.MaxRetries }, secrets, time, logger, network);

    private static Uri ApiRoot(GitHubOptions options) =>
        Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var apiUrl)
            ? EnterpriseAware(apiUrl)
            : throw new ArgumentException($"GitOps:GitHub:ApiUrl: '{options.ApiUrl}' is not an absolute URL (e.g. https://api.github.com/).", nameof(options));

    // Relative API paths resolve under the base only when it ends in '/': https://HOST/api/v3 would lose its v3.
    private static Uri EnterpriseAware(Uri apiUrl) =>
        apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
}
