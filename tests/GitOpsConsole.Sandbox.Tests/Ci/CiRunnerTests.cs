using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Ci;

public sealed class CiRunnerTests : CiTestBase
{
    [Fact]
    public async Task Trigger_PassingSteps_SucceedsAndPublishesImageWithBehaviour()
    {
        var commit = Commit(TestRepositories.CiFile("team/web", "crash",
            ("hello", "echo \"building $GITOPS_COMMIT into $GITOPS_IMAGE\"", 30),
            ("check", "test \"$(cat app/VERSION)\" = 1.2.3", 30)));

        var build = await BuildAsync(commit);

        Assert.Equal(BuildStatus.Succeeded, build.Status);
        Assert.Equal($"{Registry.Host}/team/web:{commit[..7]}", build.Image);
        Assert.Equal(new ImageBehavior(ImageRuntime.Crash, TimeSpan.FromSeconds(4)), Registry.Find(build.Image!));
        Assert.Equal(build.ImageDigest, Assert.Single(Registry.ListTags("team/web")).Digest);
        Assert.All(build.Steps!, s => Assert.Equal((BuildStatus.Succeeded, 0), (s.Status, s.ExitCode)));
        Assert.Equal(["hello", "check"], build.Steps!.Select(s => s.Name));
        Assert.Contains($"building {commit} into {build.Image}", Runner.ReadLogTail(build.Id));
        Assert.True(build.QueuedAt <= build.StartedAt && build.StartedAt <= build.FinishedAt);
    }

    [Fact]
    public async Task Trigger_FailingStep_FailsWithLogTailAndPublishesNothing()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts",
            ("test", "echo checking; echo 'assertion failed: 2 != 3' >&2; exit 3", 30),
            ("never", "echo should not run", 30)));

        var build = await BuildAsync(commit);

        Assert.Equal(BuildStatus.Failed, build.Status);
        Assert.Equal("Step 'test' failed with exit code 3.", build.Error);
        Assert.Contains("assertion failed: 2 != 3", Runner.ReadLogTail(build.Id, 5));
        Assert.Equal(["test"], build.Steps!.Select(s => s.Name));
        Assert.Empty(Registry.ListTags("web"));
    }

    [Fact]
    public async Task Trigger_HangingStep_IsKilledAtItsTimeoutWithItsChildren()
    {
        var pidFile = Data.Combine("child.pid");
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("hang", $"sleep 60 & echo $! > {pidFile}; wait", 1)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var build = await BuildAsync(commit);

        Assert.Equal(BuildStatus.TimedOut, build.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Equal("Step 'hang' timed out after 1 s.", build.Error);
        Assert.True(await Processes.IsGoneWithinAsync(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(2)),
            "the step's background child survived the timeout");
    }

    [Fact]
    public async Task CancelAsync_RunningBuild_EndsCancelledAndKillsTheStep()
    {
        var pidFile = Data.Combine("child.pid");
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("hang", $"sleep 60 & echo $! > {pidFile}; echo started; wait", 120)));
        var queued = Runner.Trigger("app", commit);
        await foreach (var line in Runner.FollowLog(queued.Id, Ct))
        {
            if (line == "started")
            {
                break;
            }
        }

        await Runner.CancelAsync(queued.Id);
        var build = await Runner.WaitAsync(queued.Id, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(BuildStatus.Cancelled, build.Status);
        Assert.Equal(BuildStatus.Cancelled, Assert.Single(build.Steps!).Status);
        Assert.True(await Processes.IsGoneWithinAsync(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Trigger_MalformedCiFile_FailsNamingTheProblem()
    {
        var commit = Commit("image: web\nruntime: sometimes\nsteps:\n  - {name: a, run: 'true'}\n");

        var build = await BuildAsync(commit);

        Assert.Equal(BuildStatus.Failed, build.Status);
        Assert.Equal(".gitops-ci.yaml line 2: runtime must be 'starts', 'crash' or 'unready', got 'sometimes'.", build.Error);
        Assert.Contains(build.Error, Runner.ReadLogTail(build.Id));
    }

    [Fact]
    public async Task Trigger_CommitWithoutCiFile_FailsSayingItIsMissing()
    {
        var commit = TestRepositories.Commit(Git, "bare-app", new Dictionary<string, string> { ["README"] = "no ci" });

        var build = await BuildAsync(commit, "bare-app");

        Assert.Equal(BuildStatus.Failed, build.Status);
        Assert.StartsWith(".gitops-ci.yaml is missing", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_SameCommitTwice_ReturnsTheSameBuildAndRunsOnce()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("once", "echo ran-once", 30)));

        var first = Runner.Trigger("app", commit);
        var second = Runner.Trigger("app", "main");
        var done = await Runner.WaitAsync(first.Id, Ct);
        var third = Runner.Trigger("app", commit[..10]);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.QueuedAt, second.QueuedAt);
        Assert.Equal(done, third);
        Assert.Single(Runner.ReadLogTail(first.Id, 100), line => line == "ran-once");
    }

    [Fact]
    public void Trigger_UnknownCommitOrRepository_ThrowsClearError()
    {
        Commit(TestRepositories.CiFile("web", "starts", ("a", "true", 5)));

        Assert.Contains("Commit 'deadbeef' was not found in repository 'app'", Assert.Throws<ArgumentException>(() => Runner.Trigger("app", "deadbeef")).Message, StringComparison.Ordinal);
        Assert.Contains("Repository 'nope' does not exist", Assert.Throws<ArgumentException>(() => Runner.Trigger("nope", "main")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Runner.Trigger("../etc", "main"));
    }

    [Fact]
    public async Task FollowLog_RunningBuild_StreamsLinesLiveUntilTheBuildEnds()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("talk", "echo one; sleep 0.3; echo two", 30)));
        var build = Runner.Trigger("app", commit);

        var lines = new List<string>();
        await foreach (var line in Runner.FollowLog(build.Id, Ct).WithCancellation(Ct))
        {
            lines.Add(line);
        }

        Assert.Equal(["one", "two"], lines.Where(l => l is "one" or "two"));
        Assert.StartsWith("published ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_GitTagRule_TagsTheImageWithTheCommitsTag()
    {
        var ci = "image:\n  name: web\n  tag: gitTag\nsteps:\n  - {name: a, run: 'true'}\n";
        var untagged = Commit(ci);
        var tagged = Commit(ci + "# release\n");
        using (var repo = new LibGit2Sharp.Repository(Git.PathOf("app")))
        {
            repo.Tags.Add("v1.4.0", tagged);
        }

        var withTag = await BuildAsync(tagged);
        var withoutTag = await BuildAsync(untagged);

        Assert.Equal($"{Registry.Host}/web:v1.4.0", withTag.Image);
        Assert.Equal(BuildStatus.Failed, withoutTag.Status);
        Assert.Contains("no tag points at commit", withoutTag.Error, StringComparison.Ordinal);
    }
}
