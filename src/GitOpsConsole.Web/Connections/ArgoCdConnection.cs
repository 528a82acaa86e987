using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.ArgoCd;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Connections;

/// <summary>The Argo CD server of applications with <c>Operator: ArgoCd</c>, connected on first use.</summary>
internal sealed class ArgoCdConnection
{
    private readonly ApplicationChoices _choices;
    private readonly Lazy<ArgoCdOperatorTool> _tool;

    public ArgoCdConnection(IOptions<GitOpsOptions> options, ApplicationChoices choices, IntegrationSecrets secrets, TimeProvider time, ILogger<ArgoCdConnection> logger)
    {
        _choices = choices;
        _tool = new(() =>
        {
            var argo = options.Value.ArgoCd;
            var token = secrets.ArgoCdToken(argo)
                ?? throw new InvalidOperationException($"No Argo CD token: set the environment variable {argo.TokenEnvironmentVariable} or GitOps:ArgoCd:Token.");
            return new ArgoCdOperatorTool(ArgoCdClientFactory.Create(argo, token, time, logger), argo, time, NameOf);
        });
    }

    public ArgoCdOperatorTool Operator => _tool.Value;

    /// <summary>The name Argo CD knows the application by: <c>GitOps:Applications:&lt;i&gt;:ArgoCd:Application</c>, else its own.</summary>
    public string NameOf(Core.Domain.Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return _choices.Find(app.Name) is { } declared ? ArgoCdApplicationNames.Of(declared) : app.Name;
    }
}
