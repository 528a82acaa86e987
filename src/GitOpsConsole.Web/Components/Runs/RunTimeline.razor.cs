using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Runs;

public partial class RunTimeline
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Steps the reader toggled: a failed step starts open (its log is why the run failed), the others closed.
    private readonly HashSet<int> _toggled = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<Step> Steps { get; set; } = [];

    /// <summary>The time running steps are measured to.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    private bool IsOpen(Step step) => _toggled.Contains(step.Sequence) ^ (step.Status == StepStatus.Failed);

    private void Toggle(Step step)
    {
        if (!_toggled.Remove(step.Sequence))
        {
            _toggled.Add(step.Sequence);
        }
    }

    private static bool HasDetails(Step step) => !string.IsNullOrEmpty(step.Log) || step.InputJson is not null || step.OutputJson is not null;

    private static string Pretty(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
