using Bunit;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Components.Runs;

namespace GitOpsConsole.Web.Tests.Components;

public class RunTimelineTests : ComponentTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static Step Step(int sequence, string tool, StepStatus status, string summary, string? log = null) => new()
    {
        Sequence = sequence, Tool = tool, Status = status, Summary = summary, Log = log,
        StartedAt = T0.AddSeconds(sequence), FinishedAt = status == StepStatus.Running ? null : T0.AddSeconds(sequence + 1.5),
        InputJson = $$"""{"app":"storefront","sequence":{{sequence}}}""", OutputJson = status == StepStatus.Running ? null : """{"state":"Succeeded"}""",
    };

    [Fact]
    public void Render_Steps_ShowsEachInOrderWithToolSummaryStatusAndDuration()
    {
        var cut = Render<RunTimeline>(p => p
            .Add(c => c.Steps, [Step(1, "ci.trigger_build", StepStatus.Succeeded, "Build b-1 succeeded"), Step(2, "ci.get_build", StepStatus.Running, "Waiting for build b-1")])
            .Add(c => c.Now, T0.AddSeconds(12)));

        var steps = cut.FindAll("[data-testid=run-step]");
        Assert.Equal(["ci.trigger_build", "ci.get_build"], steps.Select(s => s.GetAttribute("data-tool")));
        Assert.Equal(["Succeeded", "Running"], steps.Select(s => s.GetAttribute("data-status")));
        Assert.Contains("Build b-1 succeeded", steps[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1.5 s", steps[0].TextContent, StringComparison.Ordinal);
        // A running step is measured to now.
        Assert.Contains("10.0 s", steps[1].TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".run-step-spinner"));
    }

    [Fact]
    public void Render_FailedStep_OpensWithItsLogAndOthersStayClosed()
    {
        var cut = Render<RunTimeline>(p => p
            .Add(c => c.Steps, [Step(1, "ci.trigger_build", StepStatus.Succeeded, "Build started", "queued"), Step(2, "cluster.health", StepStatus.Failed, "storefront is Degraded", "pod crash-looping")])
            .Add(c => c.Now, T0.AddMinutes(1)));

        var details = cut.FindAll("[data-testid=step-details]");
        Assert.Single(details);
        Assert.Contains("pod crash-looping", cut.Find("[data-testid=step-log]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_Clicked_ShowsLogAndIndentedJsonThenHidesThem()
    {
        var cut = Render<RunTimeline>(p => p
            .Add(c => c.Steps, [Step(1, "values.set_image_tag", StepStatus.Succeeded, "Set image.tag to abc1234", "chart/values.yaml: 1 line")])
            .Add(c => c.Now, T0.AddMinutes(1)));
        Assert.Empty(cut.FindAll("[data-testid=step-details]"));

        cut.Find(".run-step-toggle").Click();

        var details = cut.Find("[data-testid=step-details]");
        Assert.Contains("chart/values.yaml: 1 line", details.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"app\": \"storefront\"", details.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"Succeeded\"", details.TextContent, StringComparison.Ordinal);

        cut.Find(".run-step-toggle").Click();
        Assert.Empty(cut.FindAll("[data-testid=step-details]"));
    }

    [Fact]
    public void Render_NoSteps_SaysTheRunHasNotStarted()
    {
        var cut = Render<RunTimeline>(p => p.Add(c => c.Steps, []).Add(c => c.Now, T0));

        Assert.Contains("not started", cut.Find("[data-testid=no-steps]").TextContent, StringComparison.Ordinal);
    }
}
