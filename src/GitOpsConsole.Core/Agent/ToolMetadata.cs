using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>What the engine needs to know about a tool besides its schema: whether it changes anything, and its toolbox name.</summary>
public static class ToolMetadata
{
    public const string PluginName = "toolbox";
    public const string MutatesKey = "gitops.mutates";
    public const string ToolboxNameKey = "gitops.tool";

    public static bool Mutates(KernelFunction function) =>
        function?.Metadata.AdditionalProperties.TryGetValue(MutatesKey, out var value) == true && value is true;

    /// <summary>The dotted toolbox name the run timeline shows (<c>ci.trigger_build</c> for <c>ci_trigger_build</c>).</summary>
    public static string ToolboxName(KernelFunction function) =>
        function?.Metadata.AdditionalProperties.TryGetValue(ToolboxNameKey, out var value) == true && value is string name ? name : function?.Name ?? "";
}
