using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Tests.Fakes;

/// <summary>
/// A Kestrel server on a free loopback port standing in for an outside service: each test maps the
/// routes the real service has and answers in its wire format; every request is recorded.
/// </summary>
internal sealed class LoopbackService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackService(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>The next request with this method and path (without query) gets this answer instead of the route's.</summary>
    public void FailNext(string method, string path, int status, string body, params (string Name, string Value)[] headers) =>
        Faults.Enqueue(new Fault(method, path, status, body, headers));

    public static async Task<LoopbackService> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackService? service = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            service!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            if (service.TakeFault(context.Request.Method, context.Request.Path) is { } fault)
            {
                foreach (var (name, value) in fault.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                await Answer.Json(context, fault.Status, fault.Body);
                return;
            }

            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service = new LoopbackService(app, new Uri(address.TrimEnd('/') + "/"));
        return service;
    }

    /// <summary>The requests whose method and path (without query) match.</summary>
    public IReadOnlyList<RecordedRequest> Matching(string method, string path) =>
        [.. Requests.Where(r => r.Method == method && r.PathOnly == path)];

    private Fault? TakeFault(string method, string path)
    {
        lock (Faults)
        {
            var all = Faults.ToList();
            var match = all.FirstOrDefault(f => f.Method == method && f.Path == path);
            if (match is null)
            {
                return null;
            }

            Faults.Clear();
            all.Remove(match);
            foreach (var rest in all)
            {
                Faults.Enqueue(rest);
            }

            return match;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record Fault(string Method, string Path, int Status, string Body, (string Name, string Value)[] Headers);

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string PathOnly => Path.Split('?')[0];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Writes JSON the way the real services do (snake_case or camelCase as given, no BOM).</summary>
internal static class Answer
{
    public static async Task Json(HttpContext context, int status, string json, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(json);
    }
}
