using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Sandbox.Tests.Ci;

public sealed class CiFakeClockTests : CiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 6, 7, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Time => _clock;

    [Fact]
    public async Task Trigger_StepOutlivesItsTimeoutOnTheInjectedClock_TimesOutAtThatTime()
    {
        var commit = Commit(TestRepositories.CiFile("web", "starts", ("wait", "echo started; sleep 60", 30)));
        var id = Runner.Trigger("app", commit).Id;
        await foreach (var line in Runner.FollowLog(id, Ct))
        {
            if (line == "started")
            {
                break;
            }
        }

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(BuildStatus.Running, Runner.Get(id)!.Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var build = await Runner.WaitAsync(id, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(BuildStatus.TimedOut, build.Status);
        Assert.Equal(_clock.Start, build.StartedAt);
        Assert.Equal(_clock.Start.AddSeconds(30), build.FinishedAt);
    }
}
