namespace GitOpsConsole.Core.Images;

/// <summary>The outcome of a tag selection: the target (if any), the value to write, and why.</summary>
/// <param name="NewValue">What goes into the values file: the tag, or for the digest strategy <c>tag@sha256:…</c> / <c>sha256:…</c>.</param>
/// <param name="Reason">Why this tag won, or why none qualified (counts per cause, with examples).</param>
public sealed record TagSelection(RegistryTag? Selected, string? NewValue, string Reason, IReadOnlyList<TagRejection> Rejections)
{
    public bool Found => Selected is not null;

    /// <summary>True when a target exists and differs from what is deployed now.</summary>
    public bool IsUpdateFrom(string? currentValue) => NewValue is not null && !string.Equals(NewValue, currentValue, StringComparison.Ordinal);
}
