namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>One scalar that an edit rewrote: where, and its old and new source text.</summary>
/// <param name="Offset">UTF-16 offset of the replaced characters in the original text.</param>
/// <param name="OldSource">The characters replaced (quotes included).</param>
/// <param name="NewSource">The characters written in their place.</param>
public sealed record ScalarEdit(string Location, int Line, int Column, string OldValue, string NewValue, int Offset, string OldSource, string NewSource);
