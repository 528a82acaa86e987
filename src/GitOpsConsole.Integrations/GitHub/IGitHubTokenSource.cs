using GitOpsConsole.Integrations.Resilience;
using Octokit;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>Where the console's GitHub token comes from: a fixed token, or a GitHub App's installation tokens.</summary>
public interface IGitHubTokenSource
{
    /// <summary>A token valid for at least a few minutes; also the password for HTTPS Git as <c>x-access-token</c>.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Every token handed out so far, for redaction.</summary>
    SecretSet Secrets { get; }
}

/// <summary>A personal access token or fine-grained token from configuration.</summary>
public sealed class StaticGitHubToken : IGitHubTokenSource
{
    private readonly string _token;

    public StaticGitHubToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token;
        Secrets = new SecretSet(token);
    }

    public SecretSet Secrets { get; }

    public Task<string> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult(_token);
}

/// <summary>Octokit asks for credentials before each request, so a renewed installation token is picked up at once.</summary>
internal sealed class TokenCredentialStore(IGitHubTokenSource source) : ICredentialStore
{
    public async Task<Credentials> GetCredentials() => new(await source.GetTokenAsync(), AuthenticationType.Bearer);
}
