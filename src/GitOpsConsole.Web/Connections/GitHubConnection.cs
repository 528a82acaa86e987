using System.Collections.Concurrent;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Resilience;
using Microsoft.Extensions.Options;
using Octokit;
using Application = GitOpsConsole.Core.Domain.Application;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// The console's one GitHub client (token or GitHub App) and the adapters built on it, made on first use
/// so a console without GitHub applications never reads a GitHub setting.
/// </summary>
internal sealed class GitHubConnection : IDisposable
{
    private readonly GitOpsOptions _options;
    private readonly ApplicationChoices _choices;
    private readonly Lazy<(IGitHubTokenSource Tokens, IGitHubClient Client, IDisposable? Owned)> _client;
    private readonly ConcurrentDictionary<string, GitHubActionsCi> _ci = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IntegrationSecrets _secrets;
    private readonly WorkflowRunSignals _signals;

    public GitHubConnection(IOptions<GitOpsOptions> options, ApplicationChoices choices, IntegrationSecrets secrets, RunLinks links, WorkflowRunSignals signals, TimeProvider time, ILogger<GitHubConnection> logger)
    {
        _signals = signals;
        _options = options.Value;
        _choices = choices;
        _secrets = secrets;
        _time = time;
        _client = new(() => Connect(_options.GitHub, secrets, time, logger));
        Statuses = new Lazy<GitHubCommitStatusTool>(() => new GitHubCommitStatusTool(Client, (app, _) => links.Pipelines(app.Name), choices.GitHubRepositoryOf));
        PullRequests = new Lazy<GitHubPullRequests>(() => new GitHubPullRequests(Client, _options.GitHub.PullRequests, choices.GitHubRepositoryOf));
    }

    public Lazy<GitHubCommitStatusTool> Statuses { get; }

    public Lazy<GitHubPullRequests> PullRequests { get; }

    public GitHubPullRequestOptions PullRequestOptions => _options.GitHub.PullRequests;

    private IGitHubClient Client => _client.Value.Client;

    /// <summary>The application's GitHub Actions CI: the global workflow settings with the application's overrides.</summary>
    public GitHubActionsCi Ci(Application app) => _ci.GetOrAdd(app.Name, _ =>
    {
        var global = _options.GitHub.Actions;
        var own = _choices.Options(app).Ci;
        var actions = new GitHubActionsOptions
        {
            Workflow = own.Workflow ?? global.Workflow,
            Ref = own.Ref ?? global.Ref,
            Inputs = global.Inputs.Concat(own.Inputs).GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            CommitInput = global.CommitInput,
            RequestInput = global.RequestInput,
            ImageArtifact = global.ImageArtifact,
            PollInterval = global.PollInterval,
            MaxPollInterval = global.MaxPollInterval,
            FindRunTimeout = global.FindRunTimeout,
        };
        return new GitHubActionsCi(Client, actions, _time, _choices.GitHubRepositoryOf, _signals);
    });

    /// <summary>
    /// HTTPS credentials for LibGit2Sharp: the token as <c>x-access-token</c> for repositories on GitHub's host,
    /// none elsewhere (the sandbox, other hosts).
    /// </summary>
    public GitCredential? GitCredentialFor(string url)
    {
        var host = IntegrationChoice.GitHubHost(_options.GitHub.ApiUrl);
        if (host is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
            || !(_options.GitHub.App.IsConfigured || _secrets.GitHubToken(_options.GitHub) is not null))
        {
            return null;
        }

        return new GitCredential("x-access-token", _client.Value.Tokens.GetTokenAsync().GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Owned?.Dispose();
        }
    }

    private static (IGitHubTokenSource, IGitHubClient, IDisposable?) Connect(GitHubOptions github, IntegrationSecrets secrets, TimeProvider time, ILogger logger)
    {
        if (github.App.IsConfigured)
        {
            var key = secrets.GitHubAppKey(github.App) ?? throw new InvalidOperationException("The GitHub App's private key is not set (GitOps:GitHub:App).");
            var known = new SecretSet();
            var http = GitHubClientFactory.CreateHttpClient(github, known, time, logger);
            var app = new GitHubAppTokenSource(github.App.AppId!.Value, github.App.InstallationId!.Value, key, http, time, known);
            return (app, GitHubClientFactory.Create(github, app, time, logger), new Owned(app, http));
        }

        var token = new StaticGitHubToken(secrets.GitHubToken(github)
            ?? throw new InvalidOperationException($"No GitHub token: set the environment variable {github.TokenEnvironmentVariable} or GitOps:GitHub:Token."));
        return (token, GitHubClientFactory.Create(github, token, time, logger), null);
    }

    private sealed class Owned(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }
}
