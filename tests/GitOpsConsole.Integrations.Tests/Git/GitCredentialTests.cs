using System.Net;
using System.Net.Sockets;
using System.Text;
using GitOpsConsole.Integrations.Git;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>HTTPS tokens reach the remote through the credentials hook and never the error text.</summary>
public sealed class GitCredentialTests
{
    private const string Token = "ghp_s3cr3tT0kenValue";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_RemoteRefusesToken_SendsItThroughHookAndKeepsItOutOfTheError()
    {
        using var root = new TempFolder();
        using var server = new RefusingGitServer();
        var asked = new List<string>();
        using var mirrors = Mirrors(root.Path, server.Url, url =>
        {
            asked.Add(url);
            return new GitCredential("x-access-token", Token);
        });

        var error = await Assert.ThrowsAsync<GitOperationException>(() => mirrors.FetchAsync("shop", Ct));

        Assert.NotEmpty(asked);
        Assert.Contains($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{Token}"))}", server.AuthorizationHeaders);
        AssertNoToken(error);
        Assert.Contains("application 'shop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_TokenInUrlAndRemoteUnreachable_ErrorShowsUrlWithoutIt()
    {
        using var root = new TempFolder();
        var url = $"http://x-access-token:{Token}@127.0.0.1:{LoopbackListener.FreePort()}/shop.git";
        using var mirrors = Mirrors(root.Path, url, null);

        var error = await Assert.ThrowsAsync<GitOperationException>(() => mirrors.FetchAsync("shop", Ct));

        AssertNoToken(error);
        Assert.Contains("http://***@127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Credential_HidesToken()
    {
        Assert.DoesNotContain(Token, new GitCredential("bot", Token).ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoToken(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(Token, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal);
        }
    }

    private static GitMirrorCache Mirrors(string root, string url, Func<string, GitCredential?>? credentials) => new(
        new GitMirrorOptions
        {
            MirrorDirectory = Path.Combine(root, "repos"),
            Repositories = new Dictionary<string, string> { ["shop"] = url },
            Credentials = credentials,
        },
        new RepositoryUrlResolver(null),
        NullLogger<GitMirrorCache>.Instance);

    /// <summary>An HTTP Git remote on loopback that demands Basic auth and refuses every attempt.</summary>
    private sealed class RefusingGitServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        public RefusingGitServer()
        {
            (_listener, var port) = LoopbackListener.Start();
            Url = $"http://127.0.0.1:{port}/shop.git";
            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public List<string> AuthorizationHeaders { get; } = [];

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                lock (AuthorizationHeaders)
                {
                    if (context.Request.Headers["Authorization"] is { } header)
                    {
                        AuthorizationHeaders.Add(header);
                    }
                }

                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            // Close alone: Stop then Close makes the managed HttpListener re-bind the port while removing it,
            // which fails when another test has taken that port meanwhile.
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
