using System.Text.Json;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Runs;

public partial class CiBuildLinks
{
    private (string? Url, IReadOnlyList<CiJob> Jobs)? _links;

    /// <summary>The output of a <c>ci.*</c> step: a <see cref="CiBuild"/> as the step recorder stored it.</summary>
    [Parameter, EditorRequired]
    public string? OutputJson { get; set; }

    protected override void OnParametersSet() => _links = Read(OutputJson);

    /// <summary>The build's page and job links; null when the output has none (the sandbox CI, an unfinished step).</summary>
    internal static (string? Url, IReadOnlyList<CiJob> Jobs)? Read(string? outputJson)
    {
        if (outputJson is null)
        {
            return null;
        }

        try
        {
            var build = JsonSerializer.Deserialize<CiBuild>(outputJson, StepRecorder.Json);
            var jobs = build?.Jobs?.Where(j => Uri.TryCreate(j.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http").ToList() ?? [];
            var url = Uri.TryCreate(build?.Url, UriKind.Absolute, out var run) && run.Scheme is "https" or "http" ? build!.Url : null;
            return url is null && jobs.Count == 0 ? null : (url, jobs);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Color ColorOf(string conclusion) => conclusion switch
    {
        "success" => Color.Success,
        "failure" or "timed_out" or "startup_failure" => Color.Error,
        _ => Color.Default,
    };

    private static string IconOf(string conclusion) => conclusion switch
    {
        "success" => Icons.Material.Filled.CheckCircle,
        "failure" or "timed_out" or "startup_failure" => Icons.Material.Filled.Cancel,
        "cancelled" or "skipped" => Icons.Material.Filled.RemoveCircleOutline,
        _ => Icons.Material.Filled.HourglassEmpty,
    };
}
