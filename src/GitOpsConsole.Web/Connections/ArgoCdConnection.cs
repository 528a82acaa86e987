using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.ArgoCd;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Connections;

/// <summary>The Argo CD server of applications with <c>Operator: ArgoCd</c>, connected on first use.</summary>
internal sealed class ArgoCdConnection(IOptions<GitOpsOptions> options, IntegrationSecrets secrets, TimeProvider time, ILogger<ArgoCdConnection> logger)
{
    private readonly Lazy<ArgoCdOperatorTool> _tool = new(() =>
    {
        var argo = options.Value.ArgoCd;
        var token = secrets.ArgoCdToken(argo)
            ?? throw new InvalidOperationException($"No Argo CD token: set the environment variable {argo.TokenEnvironmentVariable} or GitOps:ArgoCd:Token.");
        return new ArgoCdOperatorTool(ArgoCdClientFactory.Create(argo, token, time, logger), argo, time);
    });

    public ArgoCdOperatorTool Operator => _tool.Value;
}
