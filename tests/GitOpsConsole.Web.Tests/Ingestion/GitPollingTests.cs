using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Ingestion;

/// <summary>A repository outside the sandbox (a bare repository behind a file URL) is polled for new commits.</summary>
public sealed class GitPollingTests : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gitops-poll-");

    private string Remote => Path.Combine(_folder.FullName, "remote.git");

    private string Work => Path.Combine(_folder.FullName, "work");

    [Fact]
    public async Task Poll_BranchMovedOnRemote_RecordsOnePollEventForTheNewTip()
    {
        var baseline = await CreateRemoteAsync();
        await using var factory = PolledConsole();
        await WaitForBaselineAsync(factory);

        var moved = await PushAsync("Change made outside the console");

        var recorded = await PollEventAsync(factory, moved);
        Assert.Equal(EventDecision.Accepted, recorded.Decision);
        Assert.Equal("storefront", recorded.ApplicationName);
        Assert.Equal("poll", recorded.Source);
        Assert.Equal($"poll:storefront:{moved}", recorded.DeliveryId);
        Assert.Equal("refs/heads/main", recorded.Ref);
        Assert.Equal("Change made outside the console", recorded.Message?.Trim());
        var all = await factory.Services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 50, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(all.Items, e => e.CommitSha == baseline);
        Assert.Single(all.Items, e => e.Kind == TriggerKind.Poll);
    }

    [Fact]
    public async Task Poll_TipIsTheConsolesOwnDeployCommit_RecordedAsIgnored()
    {
        await CreateRemoteAsync();
        await using var factory = PolledConsole();
        await WaitForBaselineAsync(factory);

        var moved = await PushAsync("deploy(storefront): registry/storefront:1.2.3\n\nGitOps-Run: run-42");

        var recorded = await PollEventAsync(factory, moved);
        Assert.Equal(EventDecision.Ignored, recorded.Decision);
        Assert.Contains("run-42", recorded.Reason, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        for (var attempt = 0; attempt < 5 && _folder.Exists; attempt++)
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(100);
            }
        }
    }

    private ConsoleFactory PolledConsole() => new(
        ("GitOps:Applications:0:Repository", new Uri(Remote).AbsoluteUri),
        ("GitOps:Applications:0:Branch", "main"),
        ("GitOps:Ingestion:PollInterval", "00:00:01"));

    private async Task<string> CreateRemoteAsync()
    {
        await GitAsync(_folder.FullName, "init", "--bare", "-b", "main", Remote);
        await GitAsync(_folder.FullName, "clone", Remote, Work);
        return await PushAsync("First commit");
    }

    private async Task<string> PushAsync(string message)
    {
        await File.AppendAllTextAsync(Path.Combine(Work, "values.yaml"), "# " + Guid.NewGuid() + "\n", TestContext.Current.CancellationToken);
        await GitAsync(Work, "add", "values.yaml");
        await GitAsync(Work, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "-m", message);
        await GitAsync(Work, "push", "origin", "HEAD:main");
        return (await GitAsync(Work, "rev-parse", "HEAD")).Trim();
    }

    // The first round clones the mirror and takes the tip it fetched as the baseline; a push after the mirror exists
    // is therefore a move, whenever the round's resolve happens.
    private static Task<string> WaitForBaselineAsync(ConsoleFactory factory)
    {
        factory.CreateClient().Dispose();
        var mirror = Path.Combine(factory.DataDirectory, "repos", "storefront.git");
        return EventuallyAsync(() => Task.FromResult(Directory.Exists(mirror) ? mirror : null), TimeSpan.FromSeconds(30), "the first poll's mirror");
    }

    private static Task<TriggerEvent> PollEventAsync(ConsoleFactory factory, string sha)
    {
        var events = factory.Services.GetRequiredService<EventQuery>();
        return EventuallyAsync(async () => (await events.PageAsync(null, null, 0, 50, TestContext.Current.CancellationToken)).Items
            .FirstOrDefault(e => e.Kind == TriggerKind.Poll && e.CommitSha == sha), TimeSpan.FromSeconds(30), $"a poll event for {sha}");
    }
}
