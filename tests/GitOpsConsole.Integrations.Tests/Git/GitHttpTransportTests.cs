using System.Text;
using GitOpsConsole.Integrations.Git;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>The adapter against a smart-HTTP Git host that wants a token, as GitHub does over HTTPS.</summary>
public sealed class GitHttpTransportTests
{
    private const string Token = "ghp_httpT0kenNeverLogged";
    private const string Values = "chart/values.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitFileChangesAsync_OverHttpWithToken_ClonesCommitsAndPushes()
    {
        GitCli.Require();
        using var root = new TempFolder();
        var remote = RemoteRepository.Create(Path.Combine(root.Path, "host", "shop.git"), root.Path, GitTestContext.InitialFiles);
        using var server = new GitHttpBackendServer(Path.Combine(root.Path, "host"), "x-access-token", Token);
        var logs = new LogLines();
        using var mirrors = Mirrors(root.Path, server.Url("shop.git"), logs);

        var result = await new GitWriter(mirrors, new FakeTimeProvider()).CommitFileChangesAsync(
            "shop", "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, [], Ct);

        Assert.Equal(result.Sha, remote.Tip());
        Assert.Contains("tag: v2", Encoding.UTF8.GetString(remote.FileAt("main", Values)), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommitFileChangesAsync_OverHttpBranchMovedBeforePush_RetriesOnNewTip()
    {
        GitCli.Require();
        using var root = new TempFolder();
        var remote = RemoteRepository.Create(Path.Combine(root.Path, "host", "shop.git"), root.Path, GitTestContext.InitialFiles);
        using var server = new GitHttpBackendServer(Path.Combine(root.Path, "host"), "x-access-token", Token);
        using var mirrors = Mirrors(root.Path, server.Url("shop.git"), new LogLines());
        string? other = null;
        var calls = 0;

        var result = await new GitWriter(mirrors, new FakeTimeProvider()).CommitFileChangesAsync(
            "shop",
            "main",
            Edits.One(Values, current =>
            {
                calls++;
                other ??= remote.Commit("Docs", new Dictionary<string, string> { ["README.md"] = "# docs\n" });
                return Edits.Replace("tag: v1", "tag: v2")(current);
            }),
            "Deploy v2",
            GitTestContext.Bot,
            [],
            Ct);

        Assert.Equal(2, calls);
        Assert.Equal(other, remote.Git("rev-parse", $"{result.Sha}^").Trim());
        Assert.Equal(result.Sha, remote.Tip());
    }

    [Fact]
    public async Task CommitFileChangesAsync_HostHookRefusesPush_ThrowsReasonWithoutRetryingAndRemoteUntouched()
    {
        GitCli.Require();
        using var root = new TempFolder();
        var remote = RemoteRepository.Create(Path.Combine(root.Path, "host", "shop.git"), root.Path, GitTestContext.InitialFiles);
        var hookLog = Path.Combine(root.Path, "hook.log");
        var hook = Path.Combine(remote.BarePath, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\necho refused >> '{hookLog}'\necho 'main is frozen' >&2\nexit 1\n", Ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var tip = remote.Tip();
        using var server = new GitHttpBackendServer(Path.Combine(root.Path, "host"), "x-access-token", Token);
        using var mirrors = Mirrors(root.Path, server.Url("shop.git"), new LogLines());

        var error = await Assert.ThrowsAsync<GitOperationException>(() => new GitWriter(mirrors, new FakeTimeProvider()).CommitFileChangesAsync(
            "shop", "main", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, [], Ct));

        Assert.Contains("The remote refused the push to branch 'main' of application 'shop'", error.Message, StringComparison.Ordinal);
        Assert.Contains("pre-receive hook declined", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(hookLog, Ct));
        Assert.Equal(tip, remote.Tip());
    }

    private static GitMirrorCache Mirrors(string root, string url, LogLines logs) => new(
        new GitMirrorOptions
        {
            MirrorDirectory = Path.Combine(root, "repos"),
            Repositories = new Dictionary<string, string> { ["shop"] = url },
            Credentials = _ => new GitCredential("x-access-token", Token),
        },
        new RepositoryUrlResolver(null),
        logs);

    /// <summary>Keeps every formatted log line so a test can look for leaked secrets.</summary>
    private sealed class LogLines : ILogger<GitMirrorCache>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception) + exception);
            }
        }
    }
}
