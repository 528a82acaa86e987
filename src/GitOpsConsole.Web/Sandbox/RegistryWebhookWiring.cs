using System.Security.Cryptography;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Sandbox.Registry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Sandbox;

/// <summary>
/// Points the hosted sandbox registry's push notifications at the console's own <c>/webhooks/registry</c> over loopback
/// HTTP, so a pushed image becomes an ImageRelease event the way a real registry's webhook makes one. The console
/// learns its address only once the server listens, so the endpoint is added then; images published during start-up
/// are not announced (the operator syncs every application at start anyway). Without a configured
/// <c>GitOps:Webhooks:RegistryToken</c> a random one is made for this run and kept in memory, so the endpoint still
/// refuses anyone else.
/// </summary>
internal sealed partial class RegistryWebhookWiring(
    IOptions<GitOpsOptions> options,
    SandboxRuntime runtime,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<RegistryWebhookWiring> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Sandbox.Enabled)
        {
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(settings.Webhooks.RegistryToken))
        {
            // Set before the server accepts requests; the webhook endpoint reads the same options instance.
            settings.Webhooks.RegistryToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        lifetime.ApplicationStarted.Register(Connect);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Connect()
    {
        if (!runtime.IsRunning)
        {
            return;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (LoopbackAddress.Pick(addresses) is not { } console)
        {
            LogNoAddress(logger, string.Join(", ", addresses));
            return;
        }

        var endpoint = new Uri(console, "/webhooks/registry");
        runtime.World!.Registry.AddNotificationEndpoint(new RegistryNotificationEndpoint(endpoint,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + options.Value.Webhooks.RegistryToken }));
        LogConnected(logger, endpoint);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox registry notifications go to {Endpoint}")]
    private static partial void LogConnected(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The console listens on no HTTP address the sandbox registry can reach ({Addresses}); pushed images will not become events")]
    private static partial void LogNoAddress(ILogger logger, string addresses);
}
