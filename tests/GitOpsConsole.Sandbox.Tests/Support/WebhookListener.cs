using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Sandbox.Tests.Support;

/// <summary>A real loopback HTTP endpoint that records webhook deliveries; it can answer 500 to the first few.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string ContentType, string Body)> _received = Channel.CreateUnbounded<(string, string)>();
    private int _failuresLeft;

    private WebhookListener(int failFirst)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookListener> StartAsync(int failFirst = 0)
    {
        var listener = new WebhookListener(failFirst);
        await listener._app.StartAsync(TestContext.Current.CancellationToken);
        var address = listener._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Url = new Uri(new Uri(address), "/webhooks/registry");
        return listener;
    }

    public IAsyncEnumerator<(string ContentType, string Body)> Deliveries() =>
        _received.Reader.ReadAllAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        _received.Writer.TryWrite((context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
        context.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
    }
}
