using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Ci;

public sealed class CiRunnerPersistenceTests : CiTestBase
{
    [Fact]
    public async Task Restart_FinishedBuild_IsReturnedAgainWithoutRerunning()
    {
        var commit = Commit(TestRepositories.CiFile("web", "unready", ("a", "echo built", 30)));
        var build = await BuildAsync(commit);

        await RestartRunnerAsync();

        Assert.Equivalent(build, Runner.Get(build.Id), strict: true);
        Assert.Equivalent(build, Runner.Trigger("app", commit), strict: true);
        Assert.Single(Runner.ReadLogTail(build.Id, 100), line => line == "built");
        Assert.Equal([build.Id], Runner.List("app").Select(b => b.Id));
    }

    [Fact]
    public async Task Restart_WhileBuildRuns_RecordsItAsCancelled()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("hang", "echo started; sleep 60", 120)));
        var id = Runner.Trigger("app", commit).Id;
        await foreach (var line in Runner.FollowLog(id, Ct))
        {
            if (line == "started")
            {
                break;
            }
        }

        await RestartRunnerAsync();

        var build = Runner.Get(id)!;
        Assert.Equal((BuildStatus.Cancelled, "The CI runner stopped. Cancelled during step 'hang'."), (build.Status, build.Error));
    }

    [Fact]
    public async Task Start_WithBuildLeftRunningByACrash_MarksItFailedAsInterrupted()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("a", "true", 30)));
        await Runner.DisposeAsync();
        new BuildStore(Data.Path).Save(new BuildRecord(BuildRecord.IdFor("app", commit), "app", commit, BuildStatus.Running, DateTimeOffset.UtcNow));

        await RestartRunnerAsync();

        var build = Runner.Find("app", commit)!;
        Assert.Equal(BuildStatus.Failed, build.Status);
        Assert.StartsWith("Interrupted", build.Error, StringComparison.Ordinal);
        var rebuilt = await Runner.WaitAsync(Runner.Trigger("app", commit, rebuild: true).Id, Ct);
        Assert.Equal(BuildStatus.Succeeded, rebuilt.Status);
    }
}
