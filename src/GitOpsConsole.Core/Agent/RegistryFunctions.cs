using System.ComponentModel;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>registry_list_tags</c>: the same registry port the workflow's image policy reads. Read-only.</summary>
internal static class RegistryFunctions
{
    private const int ListedTags = 100;

    public static IEnumerable<KernelFunction> Create(IRegistryTool registry, AgentRunContext context)
    {
        var app = context.Application;
        yield return AgentToolbox.Function("registry_list_tags",
            "Lists the tags of the application's image repository with their digests and build times, newest build first (at most 100).",
            mutates: false,
            async ([Description("The image repository with its registry host; omit for the application's own.")] string? image = null, CancellationToken ct = default) =>
            {
                var repository = image ?? app.ImageRepository ?? app.Name;
                var tags = await registry.ListTagsAsync(repository, RegistryTagDetails.Digest | RegistryTagDetails.Created, ct);
                var listed = tags.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Name, StringComparer.Ordinal).Take(ListedTags).ToList();
                return new ToolOutput(listed, $"{tags.Count} tags of {repository}{(tags.Count > ListedTags ? $", the newest {ListedTags} listed" : "")}");
            });
    }
}
