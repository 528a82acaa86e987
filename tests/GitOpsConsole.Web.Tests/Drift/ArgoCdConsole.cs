using GitOpsConsole.Integrations.Tests.ArgoCd;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary>A console (no sandbox) whose storefront is deployed by the loopback Argo CD; the other seeded applications stay embedded.</summary>
internal static class ArgoCdConsole
{
    public static ConsoleFactory Create(FakeArgoCd argo, params (string Key, string Value)[] extra) => new(
    [
        ("GitOps:Auth:Mode", "LocalTrust"),
        ("GitOps:Applications:0:Operator", "ArgoCd"),
        ("GitOps:ArgoCd:ServerUrl", argo.Service.BaseUri.AbsoluteUri),
        ("GitOps:ArgoCd:Token", FakeArgoCd.Token),
        .. extra,
    ]);

    public static async Task<Core.Domain.Application> AppAsync(ConsoleFactory factory, string name) =>
        (await factory.Services.GetRequiredService<Data.Applications.ApplicationCatalog>().FindAsync(name, TestContext.Current.CancellationToken))!;
}
