using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Internal;

/// <summary>
/// A bare Kestrel server on 127.0.0.1 with one request handler: no configuration sources, no
/// routing, nothing a host's environment variables could change.
/// </summary>
internal static class LoopbackServer
{
    /// <param name="port">0 picks a free port.</param>
    /// <returns>The running server and its base address (with a trailing slash).</returns>
    public static async Task<(WebApplication Server, Uri BaseAddress)> StartAsync(int port, RequestDelegate handler, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        var server = builder.Build();
        server.Run(handler);
        await server.StartAsync(cancellationToken);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (server, new Uri(address.TrimEnd('/') + "/"));
    }
}
