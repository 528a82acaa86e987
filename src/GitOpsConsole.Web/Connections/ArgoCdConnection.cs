using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.ArgoCd;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Connections;

/// <summary>The Argo CD server of applications with <c>Operator: ArgoCd</c>, connected on first use.</summary>
internal sealed class ArgoCdConnection
{
    private readonly ApplicationChoices _choices;
    private readonly Lazy<ArgoCdClient> _client;
    private readonly Lazy<ArgoCdOperatorTool> _tool;
    private readonly Lazy<ArgoCdDiagnosticsTool> _diagnostics;

    public ArgoCdConnection(IOptions<GitOpsOptions> options, ApplicationChoices choices, IntegrationSecrets secrets, TimeProvider time, ILogger<ArgoCdConnection> logger)
    {
        _choices = choices;
        _client = new(() =>
        {
            var argo = options.Value.ArgoCd;
            var token = secrets.ArgoCdToken(argo)
                ?? throw new InvalidOperationException($"No Argo CD token: set the environment variable {argo.TokenEnvironmentVariable} or GitOps:ArgoCd:Token.");
            return ArgoCdClientFactory.Create(argo, token, time, logger);
        });
        _tool = new(() => new ArgoCdOperatorTool(_client.Value, options.Value.ArgoCd, time, NameOf));
        _diagnostics = new(() => new ArgoCdDiagnosticsTool(_client.Value, NameOf));
    }

    public ArgoCdOperatorTool Operator => _tool.Value;

    /// <summary>Events and logs of the applications Argo CD deploys, from their destination cluster.</summary>
    public ArgoCdDiagnosticsTool Diagnostics => _diagnostics.Value;

    /// <summary>The name Argo CD knows the application by: <c>GitOps:Applications:&lt;i&gt;:ArgoCd:Application</c>, else its own.</summary>
    public string NameOf(Core.Domain.Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return _choices.Find(app.Name) is { } declared ? ArgoCdApplicationNames.Of(declared) : app.Name;
    }
}
