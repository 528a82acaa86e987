using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// Smart-HTTP Git on loopback: git's own <c>git http-backend</c> run as CGI behind an
/// <see cref="HttpListener"/>, optionally demanding one Basic credential, like an HTTPS Git host does.
/// </summary>
internal sealed class GitHttpBackendServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _projectRoot;
    private readonly string? _expectedAuthorization;
    private readonly Task _loop;

    public GitHttpBackendServer(string projectRoot, string? user = null, string? token = null)
    {
        _projectRoot = projectRoot;
        _expectedAuthorization = user is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        (_listener, Port) = LoopbackListener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string repository) => $"http://127.0.0.1:{Port}/{repository}";

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away mid-response; the next request is unaffected.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        if (_expectedAuthorization is not null && context.Request.Headers["Authorization"] != _expectedAuthorization)
        {
            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
            context.Response.Close();
            return;
        }

        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var start = new ProcessStartInfo("git", "http-backend")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_PROJECT_ROOT"] = _projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REMOTE_USER"] = "tester";
        start.Environment["REQUEST_METHOD"] = context.Request.HttpMethod;
        start.Environment["PATH_INFO"] = context.Request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = context.Request.Url.Query.TrimStart('?');
        start.Environment["CONTENT_TYPE"] = context.Request.ContentType ?? "";
        start.Environment["CONTENT_LENGTH"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Headers["Content-Encoding"] is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output);
        body.Position = 0;
        await body.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        await copyOut;
        await process.WaitForExitAsync();
        await stderr;
        WriteCgiResponse(context.Response, output.ToArray());
    }

    private static void WriteCgiResponse(HttpListenerResponse response, byte[] cgi)
    {
        var split = cgi.AsSpan().IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (split < 0)
        {
            split = cgi.AsSpan().IndexOf("\n\n"u8);
            separator = 2;
        }

        var headers = Encoding.ASCII.GetString(cgi, 0, split).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var name = header[..colon];
            var value = header[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        var payload = cgi.AsSpan((split + separator)..).ToArray();
        response.ContentLength64 = payload.Length;
        response.OutputStream.Write(payload);
        response.Close();
    }

    public void Dispose()
    {
        // Close alone: Stop then Close makes the managed HttpListener re-bind the port while removing it,
        // which fails when another test has taken that port meanwhile.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
