using System.ComponentModel;
using System.Diagnostics;
using GitOpsConsole.Sandbox.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// Optional smart-HTTP access to the bare repositories (<c>http://127.0.0.1:port/&lt;app&gt;.git</c>),
/// served by git's own CGI program, <c>git http-backend</c>, so the protocol is git's, not ours.
/// Needs the git command line on the machine; file-path clone URLs do not.
/// </summary>
public sealed partial class GitHttpServer(GitHost host, int port, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<GitHttpServer>();
    private WebApplication? _server;

    public Uri? BaseAddress { get; private set; }

    public Uri CloneUrl(string repository) =>
        new(BaseAddress ?? throw new InvalidOperationException("The Git HTTP server is not started."), RepositoryName.Validate(repository) + ".git");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        (_server, var address) = await LoopbackServer.StartAsync(port, HandleAsync, loggerFactory, cancellationToken);
        BaseAddress = address;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var repository = path.TrimStart('/').Split('/')[0];
        if (!repository.EndsWith(".git", StringComparison.Ordinal) || !RepositoryName.IsValid(repository[..^4]) || !host.Exists(repository[..^4]))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"No sandbox repository at {path}.\n");
            return;
        }
        using var process = new Process { StartInfo = CgiStart(context, path) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            LogGitMissing(_logger, ex);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("git is not installed on the sandbox host.\n");
            return;
        }
        var errors = process.StandardError.ReadToEndAsync(context.RequestAborted);
        // Output is relayed while input is still being sent, so neither pipe can fill up and stall the other.
        var relay = CgiResponse.CopyAsync(process.StandardOutput.BaseStream, context.Response, context.RequestAborted);
        await context.Request.Body.CopyToAsync(process.StandardInput.BaseStream, context.RequestAborted);
        process.StandardInput.Close();
        await relay;
        await process.WaitForExitAsync(context.RequestAborted);
        if (process.ExitCode != 0)
        {
            LogBackendFailed(_logger, path, process.ExitCode, await errors);
        }
    }

    private ProcessStartInfo CgiStart(HttpContext context, string path)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git", "http-backend")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_PROJECT_ROOT"] = host.Root;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        // http-backend refuses pushes from anonymous users; the sandbox is loopback-only and trusts them.
        start.Environment["REMOTE_USER"] = "sandbox";
        start.Environment["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["PATH_INFO"] = path;
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        if (request.ContentLength is { } length)
        {
            start.Environment["CONTENT_LENGTH"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }
        if (request.Headers["Git-Protocol"].ToString() is { Length: > 0 } protocol)
        {
            start.Environment["GIT_PROTOCOL"] = protocol;
        }
        return start;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "git http-backend could not start; is git installed?")]
    private static partial void LogGitMissing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "git http-backend for {Path} exited with {ExitCode}: {Errors}")]
    private static partial void LogBackendFailed(ILogger logger, string path, int exitCode, string errors);
}
