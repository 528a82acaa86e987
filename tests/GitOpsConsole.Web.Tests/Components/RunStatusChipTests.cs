using Bunit;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Components.Runs;

namespace GitOpsConsole.Web.Tests.Components;

public class RunStatusChipTests : ComponentTestContext
{
    [Theory]
    [InlineData(RunStatus.Succeeded, "success", "Succeeded")]
    [InlineData(RunStatus.RolledBack, "warning", "Rolled back")]
    [InlineData(RunStatus.Failed, "error", "Failed")]
    [InlineData(RunStatus.Running, "info", "Running")]
    [InlineData(RunStatus.Queued, "default", "Queued")]
    [InlineData(RunStatus.Cancelled, "default", "Cancelled")]
    public void Render_Status_HasItsColourAndLabel(RunStatus status, string colour, string label)
    {
        var cut = Render<RunStatusChip>(p => p.Add(c => c.Status, status));

        var chip = cut.Find("[data-testid=run-status]");
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassName, StringComparison.Ordinal);
        Assert.Equal(label, chip.TextContent.Trim());
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
    }

    [Fact]
    public void Render_Running_ShowsASpinnerInsteadOfAnIcon()
    {
        var running = Render<RunStatusChip>(p => p.Add(c => c.Status, RunStatus.Running));
        var done = Render<RunStatusChip>(p => p.Add(c => c.Status, RunStatus.Succeeded));

        Assert.Single(running.FindAll(".mud-progress-circular"));
        Assert.Empty(done.FindAll(".mud-progress-circular"));
        Assert.NotEmpty(done.FindAll("svg"));
    }
}
