using GitOpsConsole.Core.Scenarios;

namespace GitOpsConsole.Core.Tests.Scenarios;

public class TwinRetentionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static ScenarioRun Run(string name, int minute, ScenarioRunStatus status = ScenarioRunStatus.Finished, Guid? batch = null) => new()
    {
        Id = Guid.NewGuid(), BatchId = batch, Scenario = name, Status = status, CreatedAt = T0.AddMinutes(minute),
        WorkflowApplication = $"{name}-wf", AgentApplication = $"{name}-ag",
    };

    private static string[] TwinsOf(params ScenarioRun[] runs) => [.. runs.SelectMany(r => new[] { r.WorkflowApplication!, r.AgentApplication! })];

    [Fact]
    public void Expired_ThreeLabRunsKeepTwo_OldestRunsTwins()
    {
        ScenarioRun[] runs = [Run("a", 1), Run("b", 2), Run("c", 3)];

        Assert.Equal(["a-ag", "a-wf"], TwinRetention.Expired(runs, TwinsOf(runs), keep: 2, atStart: false));
    }

    [Fact]
    public void Expired_RunAllBatch_CountsAsOneLabRun()
    {
        var batch = Guid.NewGuid();
        ScenarioRun[] runs = [Run("a", 1), Run("b", 2, batch: batch), Run("c", 2, batch: batch), Run("d", 3)];

        Assert.Equal(["a-ag", "a-wf"], TwinRetention.Expired(runs, TwinsOf(runs), keep: 2, atStart: false));
    }

    [Fact]
    public void Expired_OlderRunStillPlaying_KeptUntilTheConsoleRestarts()
    {
        ScenarioRun[] runs = [Run("a", 1, ScenarioRunStatus.Running), Run("b", 2)];

        Assert.Empty(TwinRetention.Expired(runs, TwinsOf(runs), keep: 1, atStart: false));
        Assert.Equal(["a-ag", "a-wf"], TwinRetention.Expired(runs, TwinsOf(runs), keep: 1, atStart: true));
    }

    [Fact]
    public void Expired_TwinNoScenarioRunNames_Expired()
    {
        ScenarioRun[] runs = [Run("a", 1)];

        Assert.Equal(["stray-wf"], TwinRetention.Expired(runs, [.. TwinsOf(runs), "stray-wf"], keep: 5, atStart: false));
    }
}
