using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Ci;

public sealed class CiConcurrencyTests : CiTestBase
{
    protected override int MaxConcurrentBuilds => 1;

    [Fact]
    public async Task Trigger_MoreBuildsThanSlots_RunsThemOneAtATime()
    {
        // mkdir is atomic: a second build running at the same time would find the folder and fail.
        var lockDir = Data.Combine("running");
        var step = ("exclusive", $"mkdir {lockDir} || exit 9; sleep 0.3; rmdir {lockDir}", 30);
        var commits = new[]
        {
            Commit(TestRepositories.CiFile("web", "starts", step)),
            Commit(TestRepositories.CiFile("web", "starts", step) + "# second\n"),
            Commit(TestRepositories.CiFile("web", "starts", step) + "# third\n"),
        };

        var queued = commits.Select(c => Runner.Trigger("app", c)).ToList();
        var statuses = queued.Select(b => Runner.Get(b.Id)!.Status).ToList();
        var builds = await Task.WhenAll(queued.Select(b => Runner.WaitAsync(b.Id, Ct)));

        Assert.Contains(BuildStatus.Queued, statuses);
        Assert.All(builds, b => Assert.Equal(BuildStatus.Succeeded, b.Status));
        var ordered = builds.OrderBy(b => b.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, "two builds overlapped");
        }
    }
}
