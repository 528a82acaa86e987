using System.Net;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>The hosted sandbox registry notifies the console's own /webhooks/registry over real loopback HTTP.</summary>
public sealed class RegistryWebhookWiringTests
{
    [Fact]
    public async Task CiBuildPublishesImage_RegistryNotifiesTheConsole_ImageReleaseEventForTheApp()
    {
        await using var factory = WithSandbox();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var world = factory.Services.GetRequiredService<SandboxRuntime>().World!;
        var events = factory.Services.GetRequiredService<EventQuery>();

        var head = await world.CommitAsync(new ScenarioCommit("catalog", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero),
            "Release the catalog", "Dev", "dev@example.test"), TestContext.Current.CancellationToken);
        var build = world.Ci.Trigger("catalog", head);
        await world.Ci.WaitAsync(build.Id, TestContext.Current.CancellationToken);
        var tag = world.Registry.ListTags("catalog").Single(t => head.StartsWith(t.Tag, StringComparison.Ordinal)).Tag;

        var released = await EventuallyAsync(async () => (await events.PageAsync("catalog", null, 0, 50, TestContext.Current.CancellationToken)).Items
            .FirstOrDefault(e => e.Kind == TriggerKind.ImageRelease && e.Tag == tag), TimeSpan.FromSeconds(30), $"an ImageRelease event for catalog:{tag}");

        Assert.Equal("registry", released.Source);
        Assert.Equal(EventDecision.Accepted, released.Decision);
        Assert.Equal($"{world.Registry.Host}/catalog", released.Image);
    }

    [Fact]
    public async Task SandboxOnWithoutConfiguredToken_RegistryWebhookRefusesOtherSenders()
    {
        await using var factory = WithSandbox();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await http.PostAsync(new Uri("/webhooks/registry", UriKind.Relative),
            new StringContent("{\"events\":[]}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
