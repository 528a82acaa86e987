using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// Tokens a model reply cost, from its metadata under <see cref="MetadataKey"/>. Connectors report usage in
/// their own types; the provider wiring copies the total there (the Offline planner reports 0).
/// </summary>
public static class TokenUsage
{
    public const string MetadataKey = "GitOps.TotalTokens";

    public static int Of(ChatMessageContent message) =>
        message?.Metadata?.TryGetValue(MetadataKey, out var value) == true
            ? value switch { int i => i, long l => (int)Math.Min(l, int.MaxValue), _ => 0 }
            : 0;
}
