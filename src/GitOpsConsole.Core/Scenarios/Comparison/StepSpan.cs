using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>One step on the shared time axis: seconds from the comparison's origin to its start and end.</summary>
public sealed record StepSpan(int Sequence, string Tool, string Summary, StepStatus Status, double StartSeconds, double? EndSeconds)
{
    public double? DurationSeconds => EndSeconds is { } end ? Math.Round(end - StartSeconds, 3) : null;

    public static IReadOnlyList<StepSpan> Of(Run run, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Steps.OrderBy(s => s.Sequence).Select(s => new StepSpan(s.Sequence, s.Tool, s.Summary ?? s.Tool, s.Status,
            Math.Round(((s.StartedAt ?? origin) - origin).TotalSeconds, 3), s.FinishedAt is { } f ? Math.Round((f - origin).TotalSeconds, 3) : null))];
    }
}
