namespace GitOpsConsole.Core.Operator;

/// <summary>One field the manifest sets whose live value differs.</summary>
/// <param name="Path">e.g. <c>spec.replicas</c>, <c>spec.template.spec.containers[name=web].image</c>.</param>
/// <param name="Desired">The manifest's value as compact JSON.</param>
/// <param name="Live">The live value as compact JSON; null when the live object lacks the field.</param>
public sealed record FieldDiff(string Path, string Desired, string? Live);
