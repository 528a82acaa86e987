using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox.Tests.Git;

public sealed class GitHttpServerTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private GitHost _host = null!;
    private GitHttpServer _server = null!;
    private PushDetector _detector = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new GitHost(_data.Path);
        new RepositorySeeder(_host, TimeProvider.System).Seed(SeedApplication.Defaults[2], "127.0.0.1:5000");
        _server = new GitHttpServer(_host, 0, NullLoggerFactory.Instance);
        await _server.StartAsync(TestContext.Current.CancellationToken);
        _detector = new PushDetector(_host, NullLogger<PushDetector>.Instance);
        _detector.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _detector.DisposeAsync();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task CloneAndPush_OverSmartHttp_WorkAndRaiseAPushEvent()
    {
        GitCli.RequireGit();
        await using var pushes = _detector.Subscribe(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var clone = _data.Combine("clone");

        await GitCli.RunAsync(_data.Path, "clone", _server.CloneUrl("payments").ToString(), clone);
        await File.WriteAllTextAsync(Path.Combine(clone, "app", "VERSION"), "2.0.0\n", TestContext.Current.CancellationToken);
        await GitCli.RunAsync(clone, "commit", "-am", "Over HTTP");
        var sha = await GitCli.RunAsync(clone, "rev-parse", "HEAD");
        await GitCli.RunAsync(clone, "push", "origin", "main");

        var push = await pushes.NextAsync();
        Assert.Equal(("payments", sha, "Over HTTP"), (push.Repository, push.After, Assert.Single(push.Commits).Message));
    }

    [Theory]
    [InlineData("nothere.git/info/refs?service=git-upload-pack")]
    [InlineData("payments/info/refs")]
    public async Task Get_UnknownRepository_Returns404(string path)
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(_server.BaseAddress!, path), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
