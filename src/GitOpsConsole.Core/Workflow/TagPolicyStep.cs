using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// The image updater's pick on an image release: list the repository's tags, apply the application's policy, and put
/// the pick and every rejected tag with its reason in the step, so the timeline says why this tag and not another.
/// </summary>
internal sealed class TagPolicyStep(IRegistryTool registry, ITagSelector selector)
{
    private const int LoggedTags = 200;

    public Task<TagSelection> PickAsync(StepRecorder steps, Application app, ImagePolicy policy, string image, string? released, CancellationToken cancellationToken) =>
        steps.RunAsync("registry.list_tags", new { app = app.Name, image, policy = policy.ToString(), released }, $"List the tags of {image} and pick by {policy}", async ct =>
        {
            var tags = await registry.ListTagsAsync(image, policy.Details, ct);
            var selection = selector.Select(tags, policy.ToSelectionOptions());
            if (selection.NewValue is { } value)
            {
                ValidateValue(value);
            }

            return new StepResult<TagSelection>(selection, Summarize(selection, policy, released), Log: Explain(tags, selection));
        }, cancellationToken);

    /// <summary>"no newer tag by semver ~1.4: …" when none qualifies; the pick and what was passed over otherwise.</summary>
    private static string Summarize(TagSelection selection, ImagePolicy policy, string? released)
    {
        if (!selection.Found)
        {
            return $"No tag to deploy by {policy}: {selection.Reason}";
        }

        var releasedRejection = selection.Rejections.FirstOrDefault(r => r.Tag == released);
        var passedOver = releasedRejection is null ? "" : $"; the released {released} was passed over: {releasedRejection.Reason}";
        return $"Picked {selection.NewValue} by {policy} ({selection.Reason}); {selection.Rejections.Count} tag(s) rejected{passedOver}";
    }

    private static string Explain(IReadOnlyList<RegistryTag> tags, TagSelection selection)
    {
        var reasons = selection.Rejections.GroupBy(r => r.Tag, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var lines = tags.Take(LoggedTags).Select(t => t.Name == selection.Selected?.Name ? $"{Printable(t.Name)}: picked"
            : reasons.TryGetValue(t.Name, out var why) ? $"{Printable(t.Name)}: rejected, {why}" : $"{Printable(t.Name)}: qualified, not the best");
        return string.Join('\n', tags.Count > LoggedTags ? lines.Append($"… and {tags.Count - LoggedTags} more") : lines);
    }

    // A registry's tag list is outside input: a line break in a name must not forge lines in the log.
    private static string Printable(string name) => OciTag.IsValidTag(name) ? name : System.Text.Json.JsonSerializer.Serialize(name);

    /// <summary>The value about to be written is checked against the OCI grammar here as well as in the values edit.</summary>
    private static void ValidateValue(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            OciTag.ValidateTag(value);
            return;
        }

        OciTag.ValidateTag(value[..at]);
        OciTag.ValidateDigest(value[(at + 1)..]);
    }
}
