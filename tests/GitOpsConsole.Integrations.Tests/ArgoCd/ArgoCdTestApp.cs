using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.ArgoCd;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.ArgoCd;

internal static class ArgoCdTestApp
{
    public static Application Storefront() => new()
    {
        Name = "storefront",
        Environment = "dev",
        RepositoryUrl = "https://github.com/acme/storefront.git",
        Namespace = "storefront",
        Operator = OperatorKind.ArgoCd,
        Prune = true,
    };

    public static ArgoCdOptions Options(FakeArgoCd argo) => new() { ServerUrl = argo.Service.BaseUri.AbsoluteUri, MaxRetries = 3 };

    public static ArgoCdClient Client(FakeArgoCd argo, InstantTimeProvider time, string token = FakeArgoCd.Token) =>
        ArgoCdClientFactory.Create(Options(argo), token, time, NullLogger.Instance);
}
