using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>
/// Before the first tag commit: read the values file once, and when it has more than one image tag field ask which
/// one to set. The tool only ever sets the application's configured field, so any other answer stops the run
/// rather than setting a field nobody chose.
/// </summary>
internal static class ValuesCheck
{
    public const string Stop = "stop";

    /// <summary>The move that deploys <paramref name="tag"/>: the read, the question, the tag commit, or the end.</summary>
    public static PlannerMove Deploy(PlannerView view, string thought, string tag, string? repository)
    {
        var (file, field) = Target(view);
        var deploy = PlannerMove.Call(thought, "values_set_image_tag", new KernelArguments { ["tag"] = tag, ["repository"] = repository });
        if (file is null || field is null)
        {
            return deploy;
        }

        var read = view.Last("git_read_file");
        if (read is null)
        {
            return PlannerMove.Call($"{thought} Before I change it I read {file}, to be sure which field holds the image tag.", "git_read_file", new KernelArguments { ["path"] = file });
        }

        var fields = ImageTagFields.Find(read.Text("text") ?? "") ?? [];
        if (fields.Count < 2)
        {
            return deploy;
        }

        var choices = fields.Append(field).Distinct(StringComparer.Ordinal).ToList();
        var ask = view.Last("human_ask", read.Index);
        if (ask is null)
        {
            return PlannerMove.Call($"{file} has {fields.Count} image tag fields ({string.Join(", ", fields)}); I am told to set {field}, but I will not guess which image this release is for.",
                "human_ask", new KernelArguments
                {
                    ["question"] = $"{file} has {fields.Count} image tag fields: {string.Join(", ", fields)}. Which image field should get tag {tag}? (I set {field}, the application's configured field; any other answer stops the run.)",
                    ["choices"] = choices.Append(Stop).ToArray(),
                    ["defaultAnswer"] = Stop,
                });
        }

        var answer = ask.Text("answer")?.Trim();
        if (string.Equals(answer, field, StringComparison.OrdinalIgnoreCase))
        {
            return PlannerMove.Call($"{ask.Text("answeredBy") ?? "The person"} chose {field}, the configured field. {thought}",
                "values_set_image_tag", new KernelArguments { ["tag"] = tag, ["repository"] = repository });
        }

        var why = $"{file} has the image tag fields {string.Join(", ", fields)} and the answer was '{answer}', not the configured {field}";
        return PlannerMove.End($"{why}. I can only set {field}, so I stop instead of changing a field nobody chose.", RunStatus.Escalated,
            $"Not deployed: {why}", [new AgentDecision("Stop before changing the values file", why)],
            "Nothing was deployed; the application's configured image tag field may need to change.");
    }

    /// <summary>The values file and tag field from the event's <c>values: chart/values.yaml at image.tag</c> line.</summary>
    private static (string? File, string? Field) Target(PlannerView view)
    {
        var line = view.Event.GetValueOrDefault("values");
        var at = line?.LastIndexOf(" at ", StringComparison.Ordinal) ?? -1;
        return at > 0 ? (line![..at].Trim().TrimStart('.', '/'), line[(at + 4)..].Trim()) : (null, null);
    }
}
